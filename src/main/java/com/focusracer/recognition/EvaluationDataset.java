package com.focusracer.recognition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A labelled dataset as the {@code eval} commands read it: {@code labels.csv} (the bibs
 * of each photo), {@code boxes.csv} (where they are, optional) and the photos' sizes; and
 * the bib-height buckets that recall is given by.
 */
final class EvaluationDataset {

	private EvaluationDataset() {
	}

	/** The bib-height buckets, as shares of the photo's short side. */
	private static final double[] BUCKETS = { 0.02, 0.03, 0.044 };

	static final String[] BUCKET_NAMES = { "<2%", "2-3%", "3-4.4%", ">=4.4%" };

	static int bucket(double share) {
		int b = 0;
		while (b < BUCKETS.length && share >= BUCKETS[b]) {
			b++;
		}
		return b;
	}

	static String buckets(int[] found, int[] total) {
		List<String> parts = new ArrayList<>();
		for (int b = 0; b < BUCKET_NAMES.length; b++) {
			parts.add(BUCKET_NAMES[b] + "="
					+ ((total[b] > 0) ? String.format(Locale.ROOT, "%.3f", found[b] / (double) total[b]) : "-") + " ("
					+ found[b] + "/" + total[b] + ")");
		}
		return String.join(" ", parts);
	}

	record Labelled(String file, Set<String> bibs) {
	}

	/**
	 * A labelled box: the bib it holds (null on plates-only datasets) and where it is.
	 */
	record LabelledBox(String bib, double x0, double y0, double x1, double y1) {

		double height() {
			return this.y1 - this.y0;
		}

	}

	static List<Labelled> labelled(Path dataset) throws IOException {
		if (!Files.isRegularFile(dataset.resolve("labels.csv"))) {
			throw new IllegalArgumentException("no labels.csv in " + dataset
					+ ": the dataset needs a labels.csv with lines 'file,bibs' (bibs separated by spaces)");
		}
		List<Labelled> labelled = new ArrayList<>();
		List<String> lines = Files.readAllLines(dataset.resolve("labels.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split(",", 2);
			Set<String> bibs = new LinkedHashSet<>();
			if (parts.length > 1) {
				Arrays.stream(parts[1].trim().split("\\s+"))
					.filter((b) -> !b.isBlank())
					.map((b) -> b.toUpperCase(Locale.ROOT))
					.forEach(bibs::add);
			}
			labelled.add(new Labelled(parts[0].trim(), bibs));
		}
		return labelled;
	}

	/**
	 * The boxes of {@code boxes.csv}, by file: {@code file,bib,x0,y0,x1,y1,...} or, for
	 * datasets of plates without numbers, {@code file,x0,y0,x1,y1}.
	 */
	static Map<String, List<LabelledBox>> boxes(Path dataset) throws IOException {
		Map<String, List<LabelledBox>> boxes = new HashMap<>();
		Path file = dataset.resolve("boxes.csv");
		if (!Files.isRegularFile(file)) {
			return boxes;
		}
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		boolean withBibs = lines.get(0).split(",").length > 5;
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			if (f.length < 5) {
				continue;
			}
			int at = withBibs ? 2 : 1;
			boxes.computeIfAbsent(f[0].trim(), (k) -> new ArrayList<>())
				.add(new LabelledBox(withBibs ? f[1].trim().toUpperCase(Locale.ROOT) : null, Double.parseDouble(f[at]),
						Double.parseDouble(f[at + 1]), Double.parseDouble(f[at + 2]), Double.parseDouble(f[at + 3])));
		}
		return boxes;
	}

	/** The short side of the stored photo, read from its header. */
	static double shortSide(Path file) throws IOException {
		try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new IOException(file + " is not an image");
			}
			javax.imageio.ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				return Math.min(reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
	}

}

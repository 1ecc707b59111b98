package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.focusracer.events.StartLists;
import com.focusracer.photos.AnalysisImages;
import com.focusracer.recognition.internal.OcrModels;

/**
 * A tool for choosing the bib rules: runs the models once over a dataset and keeps every
 * text line they read ({@code dump}), then replays {@link BibSelection#select} on those
 * lines in a second ({@code replay}), so that a change of rule is measured in seconds
 * instead of minutes. The figures it gives are those of {@code eval bibs} with the same
 * rules. <pre>
 * java -cp ... com.focusracer.recognition.BibRulesReplay dump DATASET LINES.tsv
 * java -cp ... com.focusracer.recognition.BibRulesReplay replay DATASET LINES.tsv [START-LIST.csv|labels]
 * </pre>
 */
public final class BibRulesReplay {

	private BibRulesReplay() {
	}

	public static void main(String[] args) throws Exception {
		Path dataset = Path.of(args[1]);
		Path lines = Path.of(args[2]);
		if (args[0].equals("dump")) {
			dump(dataset, lines);
		}
		else {
			replay(dataset, lines, (args.length > 3) ? args[3] : null);
		}
	}

	static void dump(Path dataset, Path out) throws Exception {
		List<String> files = Files.readAllLines(dataset.resolve("labels.csv"))
			.stream()
			.skip(1)
			.filter((l) -> !l.isBlank())
			.map((l) -> l.split(",", 2)[0].trim())
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (BibReader reader = new BibReader(1);
				PrintWriter writer = new PrintWriter(out.toFile(), StandardCharsets.UTF_8)) {
			List<Future<List<String>>> futures = new ArrayList<>();
			for (String file : files) {
				futures.add(pool.submit(() -> {
					BufferedImage image = AnalysisImages.upright(dataset.resolve(file));
					List<List<OcrModels.TextLine>> passes = List.of(reader.linesForReplay(image), List.of());
					List<String> rows = new ArrayList<>();
					for (int pass = 0; pass < passes.size(); pass++) {
						for (OcrModels.TextLine line : passes.get(pass)) {
							StringBuilder confidences = new StringBuilder();
							for (float c : line.characterConfidences()) {
								confidences.append(confidences.isEmpty() ? "" : ",")
									.append(String.format(Locale.ROOT, "%.4f", c));
							}
							int[] b = line.box();
							rows.add(String.join("\t", file, Integer.toString(pass), Integer.toString(image.getWidth()),
									Integer.toString(image.getHeight()), line.text().replace("\t", " "),
									String.format(Locale.ROOT, "%.5f", line.confidence()), confidences,
									b[0] + "," + b[1] + "," + b[2] + "," + b[3],
									String.format(Locale.ROOT, "%.2f", line.textHeight())));
						}
					}
					rows.add(String.join("\t", file, "end", Integer.toString(image.getWidth()),
							Integer.toString(image.getHeight())));
					return rows;
				}));
			}
			for (Future<List<String>> future : futures) {
				future.get().forEach(writer::println);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	record Image(List<List<OcrModels.TextLine>> passes, int width, int height) {
	}

	static Map<String, Image> load(Path lines) throws Exception {
		Map<String, Image> images = new LinkedHashMap<>();
		for (String row : Files.readAllLines(lines, StandardCharsets.UTF_8)) {
			String[] f = row.split("\t", -1);
			Image image = images.computeIfAbsent(f[0], (k) -> new Image(List.of(new ArrayList<>(), new ArrayList<>()),
					Integer.parseInt(f[2]), Integer.parseInt(f[3])));
			if (f[1].equals("end")) {
				continue;
			}
			String[] cs = f[6].isEmpty() ? new String[0] : f[6].split(",");
			float[] confidences = new float[cs.length];
			for (int i = 0; i < cs.length; i++) {
				confidences[i] = Float.parseFloat(cs[i]);
			}
			int[] box = Arrays.stream(f[7].split(",")).mapToInt(Integer::parseInt).toArray();
			image.passes()
				.get(Integer.parseInt(f[1]))
				.add(new OcrModels.TextLine(f[4], Double.parseDouble(f[5]), confidences, box,
						Double.parseDouble(f[8])));
		}
		return images;
	}

	static void replay(Path dataset, Path linesFile, String startListOption) throws Exception {
		Map<String, Set<String>> labels = new LinkedHashMap<>();
		for (String line : Files.readAllLines(dataset.resolve("labels.csv"))
			.subList(1, Files.readAllLines(dataset.resolve("labels.csv")).size())) {
			if (!line.isBlank()) {
				String[] p = line.split(",", 2);
				labels.put(p[0].trim(), (p.length > 1) ? new LinkedHashSet<>(Arrays.asList(p[1].trim().split("\\s+")))
						: new LinkedHashSet<>());
			}
		}
		Set<String> startList = Set.of();
		if ("labels".equals(startListOption)) {
			startList = labels.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
		}
		else if (startListOption != null) {
			startList = StartLists.read(Files.readAllBytes(Path.of(startListOption)))
				.runners()
				.stream()
				.map((r) -> r.bib())
				.collect(Collectors.toSet());
		}
		Map<String, Image> images = load(linesFile);
		StartListCheck check = new StartListCheck(startList);
		int tp = 0;
		int fp = 0;
		int fn = 0;
		int doubtfulRight = 0;
		int doubtfulWrong = 0;
		boolean verbose = Boolean.getBoolean("replay.verbose");
		for (Map.Entry<String, Set<String>> entry : labels.entrySet()) {
			Image image = images.get(entry.getKey());
			if (image == null) {
				continue;
			}
			List<BibRead> reads = BibSelection.select(image.passes().get(0), check, BibReader.Settings.DEFAULTS,
					image.width());
			if (reads.isEmpty()) {
				reads = BibSelection.select(image.passes().get(1), check, BibReader.Settings.DEFAULTS, image.width());
			}
			Set<String> accepted = new HashSet<>();
			for (BibRead read : reads) {
				if (read.accepted()) {
					accepted.add(read.bib());
				}
				else if (entry.getValue().contains(read.bib())) {
					doubtfulRight++;
				}
				else {
					doubtfulWrong++;
				}
			}
			int t = (int) accepted.stream().filter(entry.getValue()::contains).count();
			tp += t;
			fp += accepted.size() - t;
			fn += (int) entry.getValue().stream().filter((b) -> !accepted.contains(b)).count();
			if (verbose && (accepted.size() > t || entry.getValue().size() > t)) {
				System.out.println(entry.getKey() + " expected " + entry.getValue() + " got "
						+ reads.stream()
							.map((r) -> r.bib() + ":" + r.kind() + ":" + r.readAs() + ":"
									+ String.format(Locale.ROOT, "%.2f", r.confidence()) + "@" + r.box())
							.toList());
			}
		}
		double p = tp / (double) Math.max(1, tp + fp);
		double r = tp / (double) Math.max(1, tp + fn);
		System.out.printf(Locale.ROOT, "doubtful: right=%d wrong=%d%nprecision=%.3f recall=%.3f f1=%.3f%n",
				doubtfulRight, doubtfulWrong, p, r, 2 * p * r / Math.max(1e-9, p + r));
	}

}

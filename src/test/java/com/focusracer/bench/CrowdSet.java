package com.focusracer.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes the <b>crowd dev set</b> from the labelled dev photos, without any new photo:
 * mosaics of 2 × 2 and 3 × 3 dev photos on one 3,000 × 2,000 picture (the analysis size
 * of a 24 MP photo), each photo scaled so that its bibs are 1.5–4 % of the mosaic's short
 * side, as distant runners of a crowded start are. Labels and boxes are carried over, so
 * {@code eval bibs} reads it like any dataset: <pre>
 * java -cp ... com.focusracer.bench.CrowdSet ../shared/datasets/bibs-dev /tmp/crowd [mosaics=60] [faces]
 * </pre> The set is generated, never committed (the dev photos carry no licence to
 * redistribute).
 */
public final class CrowdSet {

	static final int WIDTH = 3000;

	static final int HEIGHT = 2000;

	private CrowdSet() {
	}

	/** A labelled bib, and the top of its runner's face (NaN when none is labelled). */
	private record Bib(String bib, double x0, double y0, double x1, double y1, double faceTop) {
	}

	private record Source(String file, List<Bib> bibs) {

		double bibHeight() {
			return this.bibs.stream().mapToDouble((b) -> b.y1() - b.y0()).max().orElse(0);
		}

	}

	public static void main(String[] args) throws IOException {
		Path dev = Path.of(args[0]);
		Path out = Path.of(args[1]);
		int count = (args.length > 2) ? Integer.parseInt(args[2]) : 60;
		boolean faces = args.length > 3 && args[3].equals("faces");
		int made = generate(dev, out, count, 20261201L, faces);
		System.out.printf(Locale.ROOT, "%d mosaics (%d x %d) in %s%n", made, WIDTH, HEIGHT, out);
	}

	/**
	 * Writes {@code images/}, {@code labels.csv} and {@code boxes.csv} of the crowd set.
	 * @param dev the dev dataset (with {@code boxes.csv})
	 * @param out where to write it
	 * @param count how many mosaics (half 2 × 2, half 3 × 3)
	 * @param seed the random seed (the same seed makes the same set)
	 * @param faces whether a photo cropped to its cell keeps its runners' faces when they
	 * fit in it (the same bibs at the same places otherwise)
	 * @return the number of mosaics written
	 * @throws IOException when a file cannot be read or written
	 */
	static int generate(Path dev, Path out, int count, long seed, boolean faces) throws IOException {
		List<Source> sources = sources(dev);
		Random random = new Random(seed);
		Files.createDirectories(out.resolve("images"));
		try (PrintWriter labels = new PrintWriter(
				Files.newBufferedWriter(out.resolve("labels.csv"), StandardCharsets.UTF_8));
				PrintWriter boxes = new PrintWriter(
						Files.newBufferedWriter(out.resolve("boxes.csv"), StandardCharsets.UTF_8))) {
			labels.println("file,bibs");
			boxes.println("file,bib,bib_x0,bib_y0,bib_x1,bib_y1");
			List<Source> deck = new ArrayList<>();
			for (int m = 0; m < count; m++) {
				int grid = (m % 2 == 0) ? 2 : 3;
				String name = String.format(Locale.ROOT, "images/crowd%dx%d_%03d.jpg", grid, grid, m);
				BufferedImage mosaic = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
				Graphics2D g = mosaic.createGraphics();
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
				g.setColor(new Color(96 + random.nextInt(40), 104 + random.nextInt(40), 96 + random.nextInt(40)));
				g.fillRect(0, 0, WIDTH, HEIGHT);
				Set<String> bibs = new LinkedHashSet<>();
				int cellWidth = WIDTH / grid;
				int cellHeight = HEIGHT / grid;
				for (int cell = 0; cell < grid * grid; cell++) {
					if (deck.isEmpty()) {
						deck.addAll(sources);
						Collections.shuffle(deck, random);
					}
					Source source = deck.remove(deck.size() - 1);
					BufferedImage photo = ImageIO.read(dev.resolve(source.file()).toFile());
					// The tallest bib lands at 1.5–4 % of the mosaic's short side; a
					// photo then larger than its cell is cropped around its bibs, as a
					// wider lens would have framed the same runner among others. With
					// "faces", from the top of the runners' faces to the foot of their
					// bibs when that fits the cell: a crowd's runners have heads (419 of
					// 420 real bibs have their runner's face above them,
					// docs/recognition.md), and cropping around the bibs cuts a quarter
					// of them off (309 of 425 bibs with a face above them; 401 with it).
					double share = 0.015 + random.nextDouble() * 0.025;
					double scale = share * HEIGHT / source.bibHeight();
					int w = (int) Math.round(photo.getWidth() * scale);
					int h = (int) Math.round(photo.getHeight() * scale);
					double bibX = source.bibs().stream().mapToDouble((b) -> (b.x0() + b.x1()) / 2).average().orElse(0)
							* scale;
					double bibY = source.bibs().stream().mapToDouble((b) -> (b.y0() + b.y1()) / 2).average().orElse(0)
							* scale;
					int cropX = (w <= cellWidth) ? 0
							: (int) Math.max(0, Math.min(w - cellWidth, bibX - cellWidth / 2.0));
					double top = source.bibs()
						.stream()
						.mapToDouble((b) -> Double.isNaN(b.faceTop()) ? b.y0() : Math.min(b.y0(), b.faceTop()))
						.min()
						.orElse(0) * scale;
					double bottom = source.bibs().stream().mapToDouble(Bib::y1).max().orElse(0) * scale;
					double middle = (faces && bottom - top <= cellHeight) ? (top + bottom) / 2 : bibY;
					int cropY = (h <= cellHeight) ? 0
							: (int) Math.max(0, Math.min(h - cellHeight, middle - cellHeight / 2.0));
					int shownW = Math.min(w, cellWidth);
					int shownH = Math.min(h, cellHeight);
					int x = (cell % grid) * cellWidth + random.nextInt(Math.max(1, cellWidth - shownW + 1));
					int y = (cell / grid) * cellHeight + random.nextInt(Math.max(1, cellHeight - shownH + 1));
					Graphics2D cellGraphics = (Graphics2D) g.create(x, y, shownW, shownH);
					cellGraphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
							RenderingHints.VALUE_INTERPOLATION_BICUBIC);
					cellGraphics.drawImage(photo, -cropX, -cropY, w, h, null);
					cellGraphics.dispose();
					for (Bib bib : source.bibs()) {
						double x0 = bib.x0() * scale - cropX;
						double y0 = bib.y0() * scale - cropY;
						double x1 = bib.x1() * scale - cropX;
						double y1 = bib.y1() * scale - cropY;
						if (x0 < 0 || y0 < 0 || x1 > shownW || y1 > shownH) {
							// Cropped out of the frame: not labelled.
							continue;
						}
						bibs.add(bib.bib());
						boxes.printf(Locale.ROOT, "%s,%s,%.1f,%.1f,%.1f,%.1f%n", name, bib.bib(), x + x0, y + y0,
								x + x1, y + y1);
					}
				}
				g.dispose();
				write(mosaic, out.resolve(name));
				labels.println(name + "," + String.join(" ", bibs));
			}
		}
		return count;
	}

	private static List<Source> sources(Path dev) throws IOException {
		Map<String, List<Bib>> byFile = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(dev.resolve("boxes.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			if (f.length < 6) {
				continue;
			}
			byFile.computeIfAbsent(f[0], (k) -> new ArrayList<>())
				.add(new Bib(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
						Double.parseDouble(f[5]),
						(f.length > 9 && !f[7].isBlank()) ? Double.parseDouble(f[7]) : Double.NaN));
		}
		List<Source> sources = new ArrayList<>();
		byFile.forEach((file, bibs) -> sources.add(new Source(file, bibs)));
		return sources;
	}

	private static void write(BufferedImage image, Path file) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.92f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

}

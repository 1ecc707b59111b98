package com.focusracer.recognition.internal;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.focusracer.photos.AnalysisImages;

/**
 * Where {@code read-bibs} spends its time, pass by pass, on the analysis images of a
 * folder of photos (one thread):
 * {@code java -cp ... com.focusracer.recognition.internal.ReadBibsProfile DIR [count]}.
 */
public final class ReadBibsProfile {

	private static final Pattern NUMBER = Pattern.compile("[A-Za-z]?\\d{1,6}");

	private ReadBibsProfile() {
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		List<Path> files;
		try (Stream<Path> list = Files.list(Path.of(args[0]))) {
			files = list.filter((p) -> p.toString().toLowerCase().endsWith(".jpg")).sorted().limit(count).toList();
		}
		List<BufferedImage> images = new ArrayList<>();
		boolean big = args.length > 2 && args[2].equals("big");
		java.util.Random random = new java.util.Random(24);
		for (Path file : files) {
			BufferedImage image = AnalysisImages.upright(file);
			if (big) {
				// As PipelineBench's originals look at the analysis size: enlarged,
				// noisy.
				double scale = Math.max(3072.0 / image.getWidth(), 2048.0 / image.getHeight());
				BufferedImage large = new BufferedImage(3072, 2048, BufferedImage.TYPE_INT_RGB);
				java.awt.Graphics2D g = large.createGraphics();
				g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
						java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
				int w = (int) Math.round(image.getWidth() * scale);
				int h = (int) Math.round(image.getHeight() * scale);
				g.drawImage(image, (3072 - w) / 2, (2048 - h) / 2, w, h, null);
				g.dispose();
				for (int y = 0; y < 2048; y++) {
					for (int x = 0; x < 3072; x++) {
						int n = (int) Math.round(random.nextGaussian() * 1.5);
						int p = large.getRGB(x, y);
						large.setRGB(x, y, (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8)
								| clamp((p & 0xFF) + n));
					}
				}
				image = large;
			}
			images.add(image);
		}
		// As a worker node: with the face models when the build fetched them.
		FaceModels faces = FaceModels.load(null, 1);
		try (OcrModels models = new OcrModels(1)) {
			TextFinder finder = new TextFinder(models, TextFinder.Settings.DEFAULTS, faces);
			for (int round = 0; round < 2; round++) {
				long coarseDetect = 0, coarseRead = 0, fine = 0, full = 0, finalRead = 0;
				int fullPasses = 0, belowFaces = 0, boxesCoarse = 0, boxesFinal = 0;
				for (BufferedImage image : images) {
					long t0 = System.nanoTime();
					TextFinder.Coarse coarse = finder.coarse(image);
					long t1 = System.nanoTime();
					List<OcrModels.TextLine> lines = models.read(image, coarse.all());
					long t2 = System.nanoTime();
					coarseDetect += t1 - t0;
					coarseRead += t2 - t1;
					boxesCoarse += coarse.all().size();
					List<RotatedBox> small = new ArrayList<>();
					List<RotatedBox> numbers = new ArrayList<>();
					for (OcrModels.TextLine line : lines) {
						// As BibReader: a read below 0.5 is no number seen.
						if (NUMBER.matcher(line.text().replace(" ", "")).matches() && line.confidence() >= 0.5) {
							numbers.add(line.rotatedBox());
							if (coarse.small(line.textHeight(), finder.settings())) {
								small.add(line.rotatedBox());
							}
						}
					}
					if (!numbers.isEmpty() && small.isEmpty()) {
						continue;
					}
					long t3 = System.nanoTime();
					List<RotatedBox> boxes = TextFinder.union(coarse.ready(), finder.fine(image, small));
					long t4 = System.nanoTime();
					BelowFaces.Found below = finder.belowFaces(image, coarse, numbers, small);
					if (below.accountForThePhoto()) {
						belowFaces++;
					}
					else {
						fullPasses++;
					}
					List<RotatedBox> all = TextFinder.union(boxes, below.boxes());
					if (!below.accountForThePhoto()) {
						all = TextFinder.union(all, finder.full(image));
					}
					long t5 = System.nanoTime();
					if (round == 1) {
						System.out.printf("  %s: %s, %.0f ms, %d small numbers of %d%n",
								files.get(images.indexOf(image)).getFileName(),
								below.accountForThePhoto() ? "below the faces"
										: (below.boxes().isEmpty() ? "full pass" : "below the faces and full pass"),
								(t5 - t4) / 1e6, small.size(), numbers.size());
					}
					models.read(image, all, lines);
					long t6 = System.nanoTime();
					fine += t4 - t3;
					full += t5 - t4;
					finalRead += t6 - t5;
					boxesFinal += all.size();
				}
				int n = images.size();
				System.out.printf(
						"round %d: %d photos, ms per photo: coarse detect %.0f, coarse read %.0f (%.1f boxes), fine %.0f, below faces or full detect %.0f, final read %.0f (%.1f boxes; %d photos read below their faces, %d took the full pass)%n",
						round, n, coarseDetect / 1e6 / n, coarseRead / 1e6 / n, (double) boxesCoarse / n,
						fine / 1e6 / n, full / 1e6 / n, finalRead / 1e6 / n,
						(double) boxesFinal / Math.max(1, fullPasses + belowFaces), belowFaces, fullPasses);
			}
			if (faces != null) {
				faces.close();
			}
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
					System.out.println(line.replaceAll("\\s+", " "));
				}
			}
		}
	}

}

package com.focusracer.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;
import com.focusracer.photos.PhotoLabels;
import com.focusracer.photos.PhotoManagement;

/**
 * The whole photo pipeline on one node, as production runs it: the application with its
 * embedded database, {@code focusracer.workers.threads} workers, an event with a
 * 1,000-bib start list, and distinct 24-megapixel JPEGs accepted as uploads. Measures
 * photos/s overall (first upload to last photo published) and per stage (from the stage
 * timers), with face features off and then on, and the process's peak resident memory.
 * Run it with {@code -Xmx1g} as documented in {@code docs/benchmarks.md}: <pre>
 * java -Xmx1g -cp ... com.focusracer.bench.PipelineBench [photos=24] [threads=2]
 * </pre>
 */
public final class PipelineBench {

	private PipelineBench() {
	}

	/** The dev photos the originals are made from (set 2: landscape, 850 × 573). */
	private static final String[] RACE_PHOTOS = { "images/set2_02.JPG", "images/set2_03.JPG", "images/set2_05.JPG",
			"images/set2_12.JPG", "images/set2_22.JPG", "images/set2_29.JPG" };

	/** An original of the bench and the bibs labelled on it. */
	record Original(Path file, Set<String> bibs) {
	}

	public static void main(String[] args) throws Exception {
		int photos = (args.length > 0) ? Integer.parseInt(args[0]) : 24;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		Path folder = Files.createTempDirectory("pipeline-bench");
		Path dev = Path.of(System.getProperty("bench.dataset", "../shared/datasets/bibs-dev"));
		List<Original> originals = Files.isRegularFile(dev.resolve("labels.csv")) ? fromRacePhotos(dev, folder)
				: DeriveBench.generate(folder, 6).stream().map((f) -> new Original(f, Set.<String>of())).toList();
		List<Path> files = originals.stream().map(Original::file).toList();
		System.out.printf(Locale.ROOT, "originals: %d distinct 6000x4000 JPEGs (%.1f MB on average), %s, %d workers%n",
				originals.size(), files.stream().mapToLong((p) -> p.toFile().length()).average().orElse(0) / 1e6,
				Files.isRegularFile(dev.resolve("labels.csv")) ? "made from labelled race photos of " + dev
						: "drawn (no race photos found)",
				threads);
		double decodeRate = DeriveBench.plainDecodeRate(files, photos, threads);
		System.out.printf(Locale.ROOT, "plain ImageIO full decode, %d threads: %.2f photos/s (the reference)%n",
				threads, decodeRate);
		try (BenchApp app = BenchApp.start(ProProfile.ORGANIZER, threads)) {
			for (boolean faces : new boolean[] { false, true }) {
				Event event = app.bean(EventManagement.class)
					.create(app.ownerId(), new EventDraft("Bench " + (faces ? "faces on" : "faces off"),
							LocalDate.now(), "Here", null, null, Visibility.PUBLIC, faces, 30, null, null, null));
				// A race numbered as real races are: every bib from 1 to 5,000, plus the
				// bibs of the photos (set 2 numbers its runners with five digits).
				StringBuilder list = new StringBuilder("dossard;nom\n");
				Set<String> bibs = new TreeSet<>();
				for (int bib = 1; bib <= 5000; bib++) {
					bibs.add(Integer.toString(bib));
				}
				originals.forEach((o) -> bibs.addAll(o.bibs()));
				bibs.forEach((bib) -> list.append(bib).append(";N").append(bib).append('\n'));
				app.bean(StartLists.class)
					.importFile(event.id(), app.ownerId(), list.toString().getBytes(StandardCharsets.UTF_8), false);
				// Warm-up: loads the models and lets the JIT compile the hot loops.
				process(app, event, originals, folder, threads * 2);
				MeterRegistry meters = app.bean(MeterRegistry.class);
				double[] before = stageTotals(meters);
				long[] countsBefore = stageCounts(meters);
				double missesBefore = meters.counter("focusracer.photos.analysis-cache.misses").count();
				int[] linked = new int[2];
				double seconds = process(app, event, originals, folder, photos, linked);
				double[] after = stageTotals(meters);
				long[] countsAfter = stageCounts(meters);
				System.out.printf(Locale.ROOT,
						"faces %s: %d photos in %.1f s = %.2f photos/s (%.0f photos/hour) = %.3f x the plain decode%n",
						faces ? "on" : "off", photos, seconds, photos / seconds, photos / seconds * 3600,
						photos / seconds / decodeRate);
				System.out.printf(Locale.ROOT, "  labelled bibs linked: %d of %d%n", linked[0], linked[1]);
				System.out.printf(Locale.ROOT, "  analysis images made again (cache misses): %.0f%n",
						meters.counter("focusracer.photos.analysis-cache.misses").count() - missesBefore);
				for (int i = 0; i < STAGES.length; i++) {
					long n = countsAfter[i] - countsBefore[i];
					if (n > 0) {
						double ms = (after[i] - before[i]) / n;
						System.out.printf(Locale.ROOT,
								"  %-10s %6.0f ms per photo on one thread = %5.2f photos/s on %d%n", STAGES[i], ms,
								threads * 1000 / ms, threads);
					}
				}
			}
		}
		System.out.printf("peak RSS: %d MB (max heap %d MB, heap committed at the end %d MB)%n",
				DeriveBench.peakRssKb() / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024),
				Runtime.getRuntime().totalMemory() / (1024 * 1024));
	}

	/**
	 * 24 MP originals made from real race photos: each enlarged to 6000 × 4000 (cropped
	 * to 3:2), with per-pixel sensor-like noise so that it compresses like a camera's
	 * file (q 0.95), its labelled bibs carried over.
	 */
	static List<Original> fromRacePhotos(Path dev, Path folder) throws IOException {
		Map<String, Set<String>> labels = new HashMap<>();
		for (String line : Files.readAllLines(dev.resolve("labels.csv"), StandardCharsets.UTF_8)) {
			String[] parts = line.split(",", 2);
			if (parts.length == 2) {
				labels.put(parts[0].trim(), new LinkedHashSet<>(List.of(parts[1].trim().split("\\s+"))));
			}
		}
		List<Original> originals = new ArrayList<>();
		Random random = new Random(24);
		for (String name : RACE_PHOTOS) {
			BufferedImage photo = ImageIO.read(dev.resolve(name).toFile());
			double scale = Math.max(6000.0 / photo.getWidth(), 4000.0 / photo.getHeight());
			BufferedImage big = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = big.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			int w = (int) Math.round(photo.getWidth() * scale);
			int h = (int) Math.round(photo.getHeight() * scale);
			g.drawImage(photo, (6000 - w) / 2, (4000 - h) / 2, w, h, null);
			g.dispose();
			int[] row = new int[6000];
			for (int y = 0; y < 4000; y++) {
				big.getRGB(0, y, 6000, 1, row, 0, 6000);
				for (int x = 0; x < 6000; x++) {
					int n = (int) Math.round(random.nextGaussian() * 3);
					int p = row[x];
					row[x] = (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8)
							| clamp((p & 0xFF) + n);
				}
				big.setRGB(0, y, 6000, 1, row, 0, 6000);
			}
			Path file = folder.resolve("race-" + originals.size() + ".jpg");
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
				writer.setOutput(out);
				ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(0.95f);
				writer.write(null, new IIOImage(big, null, null), param);
			}
			finally {
				writer.dispose();
			}
			originals.add(new Original(file, labels.getOrDefault(name, Set.of())));
		}
		return originals;
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(255, value));
	}

	private static final String[] STAGES = { "derive", "read-bibs", "faces", "link", "publish" };

	private static double process(BenchApp app, Event event, List<Original> originals, Path folder, int count)
			throws Exception {
		return process(app, event, originals, folder, count, new int[2]);
	}

	/**
	 * Uploads {@code count} photos and waits until all are published; counts in
	 * {@code linked} how many of their labelled bibs were linked, and how many there
	 * were.
	 */
	private static double process(BenchApp app, Event event, List<Original> originals, Path folder, int count,
			int[] linked) throws Exception {
		PhotoManagement photos = app.bean(PhotoManagement.class);
		long published = photos.counts(event.id()).getOrDefault("PUBLISHED", 0L);
		String run = "RUN" + UUID.randomUUID().toString().substring(0, 8);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			// Distinct bytes (the same photo twice is refused as a duplicate): a few
			// bytes
			// after the JPEG's end.
			Path copy = folder.resolve("upload-" + UUID.randomUUID() + ".jpg");
			Files.copy(originals.get(i % originals.size()).file(), copy);
			Files.write(copy, UUID.randomUUID().toString().getBytes(), StandardOpenOption.APPEND);
			photos.accept(event.id(), app.ownerId(), run + "_" + i + "_" + (i % originals.size()) + ".jpg", copy);
			Files.delete(copy);
		}
		while (photos.counts(event.id()).getOrDefault("PUBLISHED", 0L) < published + count) {
			if (photos.counts(event.id()).getOrDefault("FAILED", 0L) > 0) {
				throw new IllegalStateException("a photo failed: " + photos.counts(event.id()));
			}
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<com.focusracer.photos.Photo> all = photos.ofEvent(event.id())
			.stream()
			.filter((p) -> p.fileName().startsWith(run))
			.toList();
		Map<UUID, List<String>> bibs = app.bean(PhotoLabels.class)
			.bibs(all.stream().map(com.focusracer.photos.Photo::id).toList());
		linked[0] = 0;
		linked[1] = 0;
		for (com.focusracer.photos.Photo photo : all) {
			String name = photo.fileName();
			int index = Integer.parseInt(name.substring(name.lastIndexOf('_') + 1, name.lastIndexOf('.')));
			for (String bib : originals.get(index).bibs()) {
				linked[1]++;
				if (bibs.getOrDefault(photo.id(), List.of()).contains(bib)) {
					linked[0]++;
				}
			}
		}
		return seconds;
	}

	private static double[] stageTotals(MeterRegistry meters) {
		double[] totals = new double[STAGES.length];
		for (int i = 0; i < STAGES.length; i++) {
			Timer timer = meters.find("focusracer.pipeline.stage").tag("stage", STAGES[i]).timer();
			totals[i] = (timer != null) ? timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) : 0;
		}
		return totals;
	}

	private static long[] stageCounts(MeterRegistry meters) {
		long[] counts = new long[STAGES.length];
		for (int i = 0; i < STAGES.length; i++) {
			Timer timer = meters.find("focusracer.pipeline.stage").tag("stage", STAGES[i]).timer();
			counts[i] = (timer != null) ? timer.count() : 0;
		}
		return counts;
	}

}

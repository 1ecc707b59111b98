package com.focusracer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;
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

	public static void main(String[] args) throws Exception {
		int photos = (args.length > 0) ? Integer.parseInt(args[0]) : 24;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		Path folder = Files.createTempDirectory("pipeline-bench");
		List<Path> originals = DeriveBench.generate(folder, 6);
		System.out.printf(Locale.ROOT, "originals: 6 distinct 6000x4000 JPEGs (%.1f MB on average), %d workers%n",
				originals.stream().mapToLong((p) -> p.toFile().length()).average().orElse(0) / 1e6, threads);
		try (BenchApp app = BenchApp.start(Role.ORGANIZER, threads)) {
			for (boolean faces : new boolean[] { false, true }) {
				Event event = app.bean(EventManagement.class)
					.create(app.ownerId(), new EventDraft("Bench " + (faces ? "faces on" : "faces off"),
							LocalDate.now(), "Here", null, null, Visibility.PUBLIC, faces, 30, null, null, null));
				StartLists lists = app.bean(StartLists.class);
				List<Runner> runners = new ArrayList<>();
				for (int bib = 1000; bib < 2000; bib++) {
					runners.add(new Runner(Integer.toString(bib), "Runner", "N" + bib, null, null, null, null, null));
				}
				for (Runner runner : runners) {
					lists.save(event.id(), app.ownerId(), runner);
				}
				// Warm-up: loads the models and lets the JIT compile the hot loops.
				process(app, event, originals, folder, threads * 2);
				MeterRegistry meters = app.bean(MeterRegistry.class);
				double[] before = stageTotals(meters);
				long[] countsBefore = stageCounts(meters);
				double seconds = process(app, event, originals, folder, photos);
				double[] after = stageTotals(meters);
				long[] countsAfter = stageCounts(meters);
				System.out.printf(Locale.ROOT, "faces %s: %d photos in %.1f s = %.2f photos/s (%.0f photos/hour)%n",
						faces ? "on" : "off", photos, seconds, photos / seconds, photos / seconds * 3600);
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

	private static final String[] STAGES = { "derive", "read-bibs", "faces", "link", "publish" };

	private static double process(BenchApp app, Event event, List<Path> originals, Path folder, int count)
			throws Exception {
		PhotoManagement photos = app.bean(PhotoManagement.class);
		long published = photos.counts(event.id()).getOrDefault("PUBLISHED", 0L);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			// Distinct bytes (the same photo twice is refused as a duplicate): a few
			// bytes
			// after the JPEG's end.
			Path copy = folder.resolve("upload-" + UUID.randomUUID() + ".jpg");
			Files.copy(originals.get(i % originals.size()), copy);
			Files.write(copy, UUID.randomUUID().toString().getBytes(), StandardOpenOption.APPEND);
			photos.accept(event.id(), app.ownerId(), "IMG_" + i + ".jpg", copy);
			Files.delete(copy);
		}
		while (photos.counts(event.id()).getOrDefault("PUBLISHED", 0L) < published + count) {
			if (photos.counts(event.id()).getOrDefault("FAILED", 0L) > 0) {
				throw new IllegalStateException("a photo failed: " + photos.counts(event.id()));
			}
			Thread.sleep(100);
		}
		return (System.nanoTime() - start) / 1e9;
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

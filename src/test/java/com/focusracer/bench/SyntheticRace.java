package com.focusracer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.focusracer.photos.AnalysisImages;
import com.focusracer.recognition.internal.Signatures;
import com.focusracer.timing.ClockOffsets;
import com.focusracer.timing.Passages;
import com.focusracer.timing.TimingMatch;

/**
 * Measures timing sync on a synthetic race built from the dev photos' labels: a 1,500
 * runner half marathon (the labelled bibs and others), timed at 0, 5, 10, 15 and 21.1 km
 * (some passings missing, some runners untimed), the photos placed at three
 * photographers' spots (the two dev sets, the first split in two) at each labelled
 * runner's true passage, shot by cameras whose clocks are off by −47 min to +1 h 02, one
 * of them 3 min 20 s fast. A share of the photos have their bib hidden (some keep a
 * partial read); the others stand for OCR reads. It runs the link logic the link stage
 * runs (clock offsets from the surely read photos, candidates, burst cue with the real
 * photos' colour signatures, partial reads) and prints, per seed and in all, the offset
 * errors and the share of bib-less photos rightly and wrongly linked.
 * <p>
 * {@code java -cp ... com.focusracer.bench.SyntheticRace ../shared/datasets/bibs-dev [seeds=20] [hidden=0.35]}
 */
public final class SyntheticRace {

	private static final double[] POINTS = { 0, 5, 10, 15, 21.1 };

	private static final Instant GUN = Instant.parse("2026-10-04T07:30:00Z");

	private static final int FIELD = 1500;

	private static final Duration BURST = Duration.ofSeconds(4);

	private SyntheticRace() {
	}

	record Camera(String name, double spotKm, double offsetSeconds) {
	}

	record Shot(int index, Camera camera, List<String> bibs, boolean hidden, String partial, Instant exif) {
	}

	public static void main(String[] args) throws Exception {
		Path dataset = Path.of(args[0]);
		int seeds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		double hiddenShare = (args.length > 2) ? Double.parseDouble(args[2]) : 0.35;
		List<String> lines = Files.readAllLines(dataset.resolve("labels.csv"));
		List<String> files = new ArrayList<>();
		List<List<String>> labels = new ArrayList<>();
		List<float[]> signatures = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] p = line.split(",", 2);
			files.add(p[0]);
			labels.add(Arrays.asList(p[1].trim().split("\\s+")));
			signatures.add(Signatures.of(AnalysisImages.upright(dataset.resolve(p[0]))));
		}
		int[] totals = new int[8];
		double worstOffset = 0;
		double worstFast = 0;
		for (int seed = 1; seed <= seeds; seed++) {
			int[] r = run(new Random(seed), files, labels, signatures, hiddenShare);
			for (int i = 0; i < r.length; i++) {
				totals[i] += r[i];
			}
			worstOffset = Math.max(worstOffset, r[5] / 10.0);
			worstFast = Math.max(worstFast, r[6] / 10.0);
		}
		System.out.printf("%d seeds: %d bib-less photos; linked right %d (%.1f %%), linked wrong %d (%.2f %% of them,"
				+ " %.1f %% of the links), suggestions holding the runner %d (%.1f %%), nothing %d; runner among the"
				+ " candidates %.1f %%; worst offset error %.1f s (camera 3 min 20 s fast: %.1f s)%n", seeds, totals[0],
				totals[1], 100.0 * totals[1] / totals[0], totals[2], 100.0 * totals[2] / totals[0],
				100.0 * totals[2] / Math.max(1, totals[1] + totals[2]), totals[3], 100.0 * totals[3] / totals[0],
				totals[4], 100.0 * totals[7] / totals[0], worstOffset, worstFast);
	}

	/**
	 * One synthetic race.
	 * @return bib-less photos, right links, wrong links, suggestions with the runner,
	 * nothing, worst offset error × 10, that of the camera 3 min 20 s fast × 10, runner
	 * among the candidates
	 */
	private static int[] run(Random random, List<String> files, List<List<String>> labels, List<float[]> signatures,
			double hiddenShare) {
		Set<String> field = new LinkedHashSet<>();
		labels.forEach(field::addAll);
		while (field.size() < FIELD) {
			field.add(String.valueOf(1 + random.nextInt(4000)));
		}
		// Each runner's true time at each point, at their own pace, varying by segment.
		Map<String, double[]> truth = new HashMap<>();
		Map<String, List<Passages.Split>> splits = new HashMap<>();
		for (String bib : field) {
			double pace = 180 + Math.abs(random.nextGaussian()) * 110;
			double start = random.nextDouble() * 240;
			double[] times = new double[POINTS.length];
			times[0] = start;
			for (int i = 1; i < POINTS.length; i++) {
				times[i] = times[i - 1] + (POINTS[i] - POINTS[i - 1]) * pace * (1 + random.nextGaussian() * 0.04);
			}
			truth.put(bib, times);
			if (random.nextDouble() < 0.01) {
				continue; // no chip: untimed
			}
			List<Passages.Split> timed = new ArrayList<>();
			for (int i = 0; i < POINTS.length; i++) {
				if (random.nextDouble() >= 0.02) {
					timed.add(new Passages.Split(POINTS[i], GUN.plusMillis(Math.round(times[i] * 1000))));
				}
			}
			splits.put(bib, timed);
		}
		Camera[] cameras = { new Camera("set1-a", 7.8, 200), new Camera("set1-b", 12.4, -2820),
				new Camera("set2", 17.5, 3733) };
		List<Shot> shots = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			Camera camera = files.get(i).contains("set2") ? cameras[2] : (i < 46) ? cameras[0] : cameras[1];
			List<String> bibs = labels.get(i);
			double real = trueTimeAt(truth.get(bibs.get(0)), camera.spotKm(), random) + random.nextDouble() * 6 - 3;
			Instant exif = GUN.plusMillis(Math.round((real + camera.offsetSeconds()) * 1000));
			boolean hidden = random.nextDouble() < hiddenShare;
			String partial = null;
			String main = bibs.get(0);
			if (hidden && main.length() >= 3 && random.nextDouble() < 0.35) {
				int length = 2 + random.nextInt(main.length() - 2);
				int from = random.nextInt(main.length() - length + 1);
				partial = main.substring(from, from + length);
			}
			shots.add(new Shot(i, camera, bibs, hidden, partial, exif));
		}
		Map<Camera, ClockOffsets.Estimate> offsets = new HashMap<>();
		int worst = 0;
		int fast = 0;
		for (Camera camera : cameras) {
			List<ClockOffsets.Residual> residuals = new ArrayList<>();
			for (Shot shot : shots) {
				if (shot.camera() == camera && !shot.hidden() && shot.bibs().size() == 1
						&& splits.containsKey(shot.bibs().get(0))) {
					Passages.at(splits.get(shot.bibs().get(0)), camera.spotKm(), 0.03)
						.ifPresent((p) -> residuals.add(new ClockOffsets.Residual(shot.exif().toEpochMilli() / 1000.0,
								(shot.exif().toEpochMilli() - p.at().toEpochMilli()) / 1000.0)));
				}
			}
			ClockOffsets.estimate(residuals).ifPresent((e) -> offsets.put(camera, e));
			if (offsets.containsKey(camera)) {
				double error = Math.abs(offsets.get(camera).offsetSeconds() - camera.offsetSeconds());
				worst = Math.max(worst, (int) Math.round(error * 10));
				if (camera == cameras[0]) {
					fast = (int) Math.round(error * 10);
				}
			}
		}
		int[] result = new int[8];
		for (Shot shot : shots) {
			if (!shot.hidden()) {
				continue;
			}
			result[0]++;
			ClockOffsets.Estimate offset = offsets.get(shot.camera());
			if (offset == null) {
				result[4]++;
				continue;
			}
			Instant real = shot.exif().minusMillis(Math.round(offset.at(shot.exif().toEpochMilli() / 1000.0) * 1000));
			List<TimingMatch.Candidate> candidates = TimingMatch.candidates(splits, shot.camera().spotKm(), real,
					Duration.ofSeconds(10), 0.03);
			if (candidates.stream().anyMatch((c) -> shot.bibs().contains(c.bib()))) {
				result[7]++;
			}
			Set<String> burst = new HashSet<>();
			for (Shot other : shots) {
				if (other != shot && other.camera() == shot.camera() && !other.hidden()
						&& Duration.between(other.exif(), shot.exif()).abs().compareTo(BURST) <= 0
						&& Signatures.similarity(signatures.get(other.index()), signatures.get(shot.index())) >= 0.90) {
					burst.addAll(other.bibs());
				}
			}
			TimingMatch.Decision decision = TimingMatch.decide(candidates, new TimingMatch.Cues(
					(shot.partial() != null) ? List.of(shot.partial()) : List.of(), Set.of(), burst));
			if (decision.linked()) {
				result[shot.bibs().contains(decision.bib()) ? 1 : 2]++;
			}
			else if (decision.suggestions().stream().anyMatch((c) -> shot.bibs().contains(c.bib()))) {
				result[3]++;
			}
			else {
				result[4]++;
			}
		}
		result[5] = worst;
		result[6] = fast;
		return result;
	}

	/** The true passage: between the points, at a pace that wanders a little. */
	private static double trueTimeAt(double[] times, double km, Random random) {
		int i = 1;
		while (i < POINTS.length - 1 && POINTS[i] < km) {
			i++;
		}
		double fraction = (km - POINTS[i - 1]) / (POINTS[i] - POINTS[i - 1]);
		double linear = times[i - 1] + fraction * (times[i] - times[i - 1]);
		double nearest = Math.min(fraction, 1 - fraction) * (times[i] - times[i - 1]);
		return linear + random.nextGaussian() * 0.01 * nearest;
	}

}

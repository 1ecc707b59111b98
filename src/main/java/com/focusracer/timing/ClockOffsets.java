package com.focusracer.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Estimates a camera's clock offset from anchors: photos whose bib was read surely, each
 * with its residual (EXIF time − that runner's passage time at the spot). The offset is
 * the median of the residuals once those farther than 3 × 1.4826 × MAD from the median
 * are dropped; at least {@value #MINIMUM_ANCHORS} anchors are needed. When the anchors
 * span {@link #DRIFT_SPAN_SECONDS} or more and a Theil–Sen fit finds the clock drifting
 * by more than {@link #DRIFT_MINIMUM_SECONDS} over that span, the offset follows the fit.
 */
public final class ClockOffsets {

	/** Fewer anchors than this give no estimate. */
	public static final int MINIMUM_ANCHORS = 5;

	/** Anchors spread over this long (two hours) may show a drift. */
	static final double DRIFT_SPAN_SECONDS = 7200;

	/** A drift smaller than this over the anchors' span is ignored. */
	static final double DRIFT_MINIMUM_SECONDS = 2;

	/** The scale that makes the MAD an estimate of the standard deviation. */
	private static final double MAD_SCALE = 1.4826;

	/** Residuals this close to the median are always kept (a MAD of zero keeps ties). */
	private static final double MINIMUM_TOLERANCE_SECONDS = 1;

	private ClockOffsets() {
	}

	/**
	 * One anchor's residual.
	 *
	 * @param cameraSeconds the photo's EXIF time, epoch seconds
	 * @param residualSeconds EXIF time − passage time, seconds
	 */
	public record Residual(double cameraSeconds, double residualSeconds) {
	}

	/**
	 * An estimated offset.
	 *
	 * @param offsetSeconds the offset at {@code referenceSeconds}, seconds (camera ahead
	 * is positive)
	 * @param driftPerHour how many seconds the offset grows per hour (0 without drift)
	 * @param referenceSeconds the camera time the offset is given at (epoch seconds)
	 * @param kept the anchors used
	 * @param dropped the outliers left out
	 * @param outliers for each residual given, whether it was left out
	 */
	public record Estimate(double offsetSeconds, double driftPerHour, double referenceSeconds, int kept, int dropped,
			boolean[] outliers) {

		/**
		 * The offset at a camera time.
		 * @param cameraSeconds the camera time (epoch seconds)
		 * @return the offset, seconds
		 */
		public double at(double cameraSeconds) {
			return this.offsetSeconds + this.driftPerHour * (cameraSeconds - this.referenceSeconds) / 3600;
		}

	}

	/**
	 * Estimates the offset.
	 * @param residuals the anchors' residuals
	 * @return the estimate, or empty with fewer than {@value #MINIMUM_ANCHORS} anchors
	 * left
	 */
	public static Optional<Estimate> estimate(List<Residual> residuals) {
		if (residuals.size() < MINIMUM_ANCHORS) {
			return Optional.empty();
		}
		double[] values = residuals.stream().mapToDouble(Residual::residualSeconds).toArray();
		double median = median(values);
		double[] deviations = Arrays.stream(values).map((v) -> Math.abs(v - median)).toArray();
		double tolerance = Math.max(MINIMUM_TOLERANCE_SECONDS, 3 * MAD_SCALE * median(deviations));
		boolean[] outliers = new boolean[values.length];
		List<Residual> kept = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			outliers[i] = deviations[i] > tolerance;
			if (!outliers[i]) {
				kept.add(residuals.get(i));
			}
		}
		if (kept.size() < MINIMUM_ANCHORS) {
			return Optional.empty();
		}
		double first = kept.stream().mapToDouble(Residual::cameraSeconds).min().orElse(0);
		double last = kept.stream().mapToDouble(Residual::cameraSeconds).max().orElse(0);
		double reference = median(kept.stream().mapToDouble(Residual::cameraSeconds).toArray());
		int dropped = values.length - kept.size();
		if (last - first >= DRIFT_SPAN_SECONDS) {
			double slope = theilSenSlope(kept);
			if (Math.abs(slope) * (last - first) > DRIFT_MINIMUM_SECONDS) {
				double intercept = median(kept.stream()
					.mapToDouble((r) -> r.residualSeconds() - slope * (r.cameraSeconds() - reference))
					.toArray());
				return Optional.of(new Estimate(intercept, slope * 3600, reference, kept.size(), dropped, outliers));
			}
		}
		double offset = median(kept.stream().mapToDouble(Residual::residualSeconds).toArray());
		return Optional.of(new Estimate(offset, 0, reference, kept.size(), dropped, outliers));
	}

	/**
	 * The Theil–Sen slope: the median of the slopes between every pair of points.
	 * @param points the points
	 * @return seconds of residual per second of camera time
	 */
	static double theilSenSlope(List<Residual> points) {
		List<Double> slopes = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			for (int j = i + 1; j < points.size(); j++) {
				double dt = points.get(j).cameraSeconds() - points.get(i).cameraSeconds();
				if (dt != 0) {
					slopes.add((points.get(j).residualSeconds() - points.get(i).residualSeconds()) / dt);
				}
			}
		}
		return slopes.isEmpty() ? 0 : median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		if (n == 0) {
			return 0;
		}
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}

package com.focusracer.timing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A runner's estimated passage at a distance on the course, interpolated between the two
 * timing points around it (extrapolated at the pace of the nearest two when the distance
 * lies beyond them).
 */
public final class Passages {

	/** A spot this close to a timing point (km) takes that point's time. */
	private static final double SAME_PLACE_KM = 0.05;

	private Passages() {
	}

	/**
	 * One timing of a runner.
	 *
	 * @param distanceKm the timing point's distance
	 * @param at when the runner passed it
	 */
	public record Split(double distanceKm, Instant at) {
	}

	/**
	 * An estimated passage.
	 *
	 * @param at the estimated time
	 * @param uncertainty how far off it may be (grows with the gap between the points)
	 */
	public record Estimate(Instant at, Duration uncertainty) {
	}

	/**
	 * Estimates when a runner passed a distance.
	 * @param splits the runner's timings (any order)
	 * @param distanceKm the distance
	 * @param uncertaintyShare the share of the time between the spot and the nearer point
	 * taken as uncertainty
	 * @return the estimate, or empty when the timings cannot place the runner there
	 */
	public static Optional<Estimate> at(List<Split> splits, double distanceKm, double uncertaintyShare) {
		if (splits.isEmpty()) {
			return Optional.empty();
		}
		List<Split> sorted = splits.stream().sorted(Comparator.comparingDouble(Split::distanceKm)).toList();
		for (Split split : sorted) {
			if (Math.abs(split.distanceKm() - distanceKm) <= SAME_PLACE_KM) {
				return Optional.of(new Estimate(split.at(), Duration.ZERO));
			}
		}
		if (sorted.size() < 2) {
			return Optional.empty();
		}
		Split before = null;
		Split after = null;
		for (Split split : sorted) {
			if (split.distanceKm() < distanceKm) {
				before = split;
			}
			else if (after == null) {
				after = split;
			}
		}
		if (before == null) {
			before = sorted.get(0);
			after = sorted.get(1);
		}
		else if (after == null) {
			before = sorted.get(sorted.size() - 2);
			after = sorted.get(sorted.size() - 1);
		}
		double span = after.distanceKm() - before.distanceKm();
		if (span <= 0) {
			return Optional.empty();
		}
		double seconds = (after.at().toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
		double fraction = (distanceKm - before.distanceKm()) / span;
		double at = before.at().toEpochMilli() / 1000.0 + fraction * seconds;
		double nearest = Math.min(Math.abs(fraction), Math.abs(1 - fraction)) * Math.abs(seconds);
		return Optional.of(new Estimate(Instant.ofEpochMilli(Math.round(at * 1000)),
				Duration.ofMillis(Math.round(nearest * uncertaintyShare * 1000))));
	}

}

package com.focusracer.timing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which runners a photo without a bib of its own may show: those whose estimated passage
 * at the photographer's spot falls within a window around the photo's corrected time,
 * narrowed by the other cues (a partial read, a face, the burst's bibs). One runner left:
 * a link; more: suggestions.
 */
public final class TimingMatch {

	/** Suggestions shown at most. */
	static final int MAXIMUM_SUGGESTIONS = 8;

	/** Confidence of a runner alone in the window, no other cue. */
	static final double ALONE = 0.6;

	/** Confidence of a runner left by another cue. */
	static final double CONFIRMED = 0.85;

	private TimingMatch() {
	}

	/**
	 * A runner whose passage is near the photo's time.
	 *
	 * @param bib the bib
	 * @param passage the estimated passage at the spot
	 * @param deltaSeconds photo time − passage, seconds
	 */
	public record Candidate(String bib, Instant passage, double deltaSeconds) {
	}

	/**
	 * What else is known about the photo.
	 *
	 * @param partialReads digits read on the photo that are no bib on their own (e.g. two
	 * of four digits)
	 * @param faceBibs runners whose face matches a face of the photo
	 * @param burstBibs runners read on the photographer's frames a few seconds away
	 */
	public record Cues(List<String> partialReads, Set<String> faceBibs, Set<String> burstBibs) {

		public static Cues none() {
			return new Cues(List.of(), Set.of(), Set.of());
		}

	}

	/**
	 * The outcome for one photo.
	 *
	 * @param bib the runner to link, or {@code null}
	 * @param confidence the link's confidence
	 * @param suggestions the candidates to show when no link is made, nearest first
	 */
	public record Decision(String bib, double confidence, List<Candidate> suggestions) {

		public boolean linked() {
			return this.bib != null;
		}

	}

	/**
	 * The candidates of a photo.
	 * @param splits each runner's timings
	 * @param spotKm the spot's distance
	 * @param photoTime the photo's corrected time
	 * @param window the half-width of the window when the spot is at a timing point
	 * @param uncertaintyShare how the window widens between points
	 * @return the candidates, nearest first
	 */
	public static List<Candidate> candidates(Map<String, List<Passages.Split>> splits, double spotKm, Instant photoTime,
			Duration window, double uncertaintyShare) {
		List<Candidate> found = new ArrayList<>();
		splits.forEach((bib, runnerSplits) -> Passages.at(runnerSplits, spotKm, uncertaintyShare).ifPresent((p) -> {
			double delta = (photoTime.toEpochMilli() - p.at().toEpochMilli()) / 1000.0;
			if (Math.abs(delta) <= (window.toMillis() + p.uncertainty().toMillis()) / 1000.0) {
				found.add(new Candidate(bib, p.at(), delta));
			}
		}));
		found.sort(
				Comparator.comparingDouble((Candidate c) -> Math.abs(c.deltaSeconds())).thenComparing(Candidate::bib));
		return found;
	}

	/**
	 * Decides between the candidates with the other cues.
	 * @param candidates the candidates, nearest first
	 * @param cues the other cues
	 * @return a link when one runner is left, else suggestions
	 */
	public static Decision decide(List<Candidate> candidates, Cues cues) {
		List<Candidate> left = candidates;
		boolean confirmed = false;
		for (Predicate<Candidate> cue : List.<Predicate<Candidate>>of(
				(c) -> matchesPartial(c.bib(), cues.partialReads()), (c) -> cues.faceBibs().contains(c.bib()),
				(c) -> cues.burstBibs().contains(c.bib()))) {
			List<Candidate> narrowed = left.stream().filter(cue).toList();
			if (!narrowed.isEmpty()) {
				left = narrowed;
				confirmed = true;
			}
		}
		if (left.size() == 1) {
			return new Decision(left.get(0).bib(), confirmed ? CONFIRMED : ALONE, List.of());
		}
		return new Decision(null, 0, left.stream().limit(MAXIMUM_SUGGESTIONS).toList());
	}

	/**
	 * Whether a partial read fits a bib: its two or more digits appear in the bib, in
	 * order and side by side. The zeros a race pads its numbers with (0891 printed on bib
	 * 891) are no digits of the bib.
	 * @param bib the bib
	 * @param partialReads the partial reads
	 * @return true when one fits
	 */
	static boolean matchesPartial(String bib, List<String> partialReads) {
		for (String read : partialReads) {
			String digits = read.replaceAll("\\D", "");
			String unpadded = digits.replaceFirst("^0+", "");
			if ((digits.length() >= 2 && bib.contains(digits)) || (unpadded.length() >= 2 && bib.contains(unpadded))) {
				return true;
			}
		}
		return false;
	}

}

package com.focusracer.recognition;

import java.util.List;

/**
 * Verification figures from scored pairs: ROC area, and the share of same-person pairs
 * accepted at the threshold that accepts 1 % (0.1 %) of different-person pairs.
 */
final class FaceScores {

	private FaceScores() {
	}

	/**
	 * @param scored pairs as {score, 1 when same person else 0}
	 * @return {auc, tar at far 1 %, tar at far 0.1 %, the cosine thresholds of far 1 %
	 * and 0.1 %}
	 */
	static double[] of(List<double[]> scored) {
		double[] same = sortedScores(scored, 1);
		double[] other = sortedScores(scored, 0);
		if (same.length == 0 || other.length == 0) {
			throw new IllegalArgumentException("the pairs need both same-person and different-person pairs");
		}
		// AUC: the chance a same pair scores above a different pair (ties count half).
		double wins = 0;
		int j = 0;
		int k = 0;
		for (double s : same) {
			while (j < other.length && other[j] < s) {
				j++;
			}
			k = j;
			while (k < other.length && other[k] == s) {
				k++;
			}
			wins += j + (k - j) / 2.0;
		}
		double auc = wins / ((double) same.length * other.length);
		return new double[] { auc, tarAt(same, other, 0.01), tarAt(same, other, 0.001), thresholdAt(other, 0.01),
				thresholdAt(other, 0.001) };
	}

	/** The scores of the pairs with one label, ascending. */
	private static double[] sortedScores(List<double[]> scored, int label) {
		double[] scores = new double[scored.size()];
		int n = 0;
		for (double[] pair : scored) {
			if (pair[1] == label) {
				scores[n++] = pair[0];
			}
		}
		double[] kept = java.util.Arrays.copyOf(scores, n);
		java.util.Arrays.sort(kept);
		return kept;
	}

	private static double thresholdAt(double[] other, double far) {
		return other[other.length - 1 - Math.min((int) Math.floor(far * other.length), other.length - 1)];
	}

	private static double tarAt(double[] same, double[] other, double far) {
		// The threshold above which at most far of the different pairs score.
		double threshold = thresholdAt(other, far);
		long accepted = java.util.Arrays.stream(same).filter((s) -> s > threshold).count();
		return (double) accepted / same.length;
	}

}

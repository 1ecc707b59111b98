package com.focusracer.recognition.internal;

/**
 * How good a portrait of a runner a face makes, as one number for ranking a runner's
 * photos "best first": the detector's confidence, the face's size and sharpness, whether
 * the eyes are open and whether the mouth shows a smile, all read from the 68 landmarks
 * (iBUG layout) the face stage already computes. Only the product is kept (in
 * {@code face.quality}); no part of it, and no expression or emotion, is stored or shown.
 * It is the "mere detection of readily apparent expressions such as a smile" that the EU
 * AI Act keeps out of emotion recognition when nothing is inferred from it
 * ({@code docs/privacy.md}).
 */
final class PortraitScore {

	private PortraitScore() {
	}

	/**
	 * The portrait score.
	 * @param points the 68 landmarks, in any unit
	 * @param grey the landmark model's 64 × 64 grey input (0–1), for sharpness
	 * @param size the face's side in the analysis image's pixels
	 * @param detectorScore the detector's confidence, 0–1
	 * @return 0–1, higher is a better portrait
	 */
	static double of(double[][] points, float[] grey, double size, double detectorScore) {
		double base = detectorScore * Math.min(1, size / 64) * (0.5 + 0.5 * sharpness(grey, 64));
		return base * (0.4 + 0.35 * eyesOpen(points) + 0.25 * smile(points));
	}

	/**
	 * Eyes open, 0–1: the eye aspect ratio (lid to lid over corner to corner) of both
	 * eyes, from 0.12 (shut) to 0.25 (wide open).
	 */
	static double eyesOpen(double[][] p) {
		double ratio = (aspect(p, 36) + aspect(p, 42)) / 2;
		return clamp((ratio - 0.12) / 0.13);
	}

	/**
	 * Smile, 0–1: how wide the mouth is against the distance between the eyes, and how
	 * far its corners rise above the middle of the lips.
	 */
	static double smile(double[][] p) {
		double eyes = distance(centre(p, 36), centre(p, 42));
		if (eyes < 1e-9) {
			return 0;
		}
		double width = distance(p[48], p[54]) / eyes;
		double corners = (p[48][1] + p[54][1]) / 2;
		double middle = (p[51][1] + p[57][1]) / 2;
		double lift = (middle - corners) / eyes;
		return 0.6 * clamp((width - 0.75) / 0.3) + 0.4 * clamp(lift / 0.12 + 0.5);
	}

	/** The variance of the Laplacian, squashed to 0–1. */
	static double sharpness(float[] grey, int side) {
		if (grey == null || grey.length < side * side) {
			return 0.5;
		}
		double sum = 0;
		double squares = 0;
		int n = 0;
		for (int y = 1; y < side - 1; y++) {
			for (int x = 1; x < side - 1; x++) {
				int i = y * side + x;
				double laplacian = grey[i - 1] + grey[i + 1] + grey[i - side] + grey[i + side] - 4 * grey[i];
				sum += laplacian;
				squares += laplacian * laplacian;
				n++;
			}
		}
		double variance = squares / n - (sum / n) * (sum / n);
		return variance / (variance + 0.002);
	}

	/** One eye's aspect ratio, from its six points starting at {@code first}. */
	private static double aspect(double[][] p, int first) {
		double across = distance(p[first], p[first + 3]);
		if (across < 1e-9) {
			return 0;
		}
		return (distance(p[first + 1], p[first + 5]) + distance(p[first + 2], p[first + 4])) / (2 * across);
	}

	private static double[] centre(double[][] p, int first) {
		double x = 0;
		double y = 0;
		for (int i = first; i < first + 6; i++) {
			x += p[i][0] / 6;
			y += p[i][1] / 6;
		}
		return new double[] { x, y };
	}

	private static double distance(double[] a, double[] b) {
		return Math.hypot(a[0] - b[0], a[1] - b[1]);
	}

	private static double clamp(double value) {
		return Math.max(0, Math.min(1, value));
	}

}

package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;

/**
 * How usable a photo looks, so that triage can sort the blurred, dark or burnt-out frames
 * of a burst to the end: measured on the small unwatermarked preview, where a photo that
 * looks sharp to a person also measures sharp and the cost is a few milliseconds.
 *
 * @param sharpness variance of the Laplacian of the luminance
 * @param exposure mean luminance, 0–255
 * @param clipped share of pixels that are nearly black or nearly white
 */
record PhotoQuality(double sharpness, double exposure, double clipped) {

	/**
	 * Measures an image.
	 * @param image the image
	 * @return its measures
	 */
	static PhotoQuality of(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		double[] luma = new double[w * h];
		double sum = 0;
		int clipped = 0;
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			double y = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
			luma[i] = y;
			sum += y;
			if (y < 4 || y > 251) {
				clipped++;
			}
		}
		double mean = sum / luma.length;
		double lapSum = 0;
		double lapSq = 0;
		int n = 0;
		for (int y = 1; y < h - 1; y++) {
			for (int x = 1; x < w - 1; x++) {
				int i = y * w + x;
				double lap = luma[i - w] + luma[i + w] + luma[i - 1] + luma[i + 1] - 4 * luma[i];
				lapSum += lap;
				lapSq += lap * lap;
				n++;
			}
		}
		double variance = (n > 0) ? lapSq / n - (lapSum / n) * (lapSum / n) : 0;
		return new PhotoQuality(variance, mean, (double) clipped / luma.length);
	}

	/**
	 * The measures in one figure, for sorting.
	 * @return 0–1, higher is better
	 */
	double score() {
		double sharp = Math.min(1.0, this.sharpness / 300.0);
		double exposed = 1.0 - Math.min(1.0, Math.abs(this.exposure - 118) / 118.0);
		double notClipped = 1.0 - Math.min(1.0, this.clipped * 4);
		return Math.round((0.6 * sharp + 0.25 * exposed + 0.15 * notClipped) * 1000) / 1000.0;
	}

}

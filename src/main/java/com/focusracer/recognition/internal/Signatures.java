package com.focusracer.recognition.internal;

import java.awt.image.BufferedImage;

/**
 * A small colour signature of what is in the middle of a photo (where the runner usually
 * is): a 4 × 4 × 4 RGB histogram of its central area, summing to 1. Two frames of the
 * same runner in a burst have close signatures (histogram intersection near 1), a
 * different runner in other clothes does not.
 */
public final class Signatures {

	private Signatures() {
	}

	public static float[] of(BufferedImage image) {
		float[] histogram = new float[64];
		int width = image.getWidth();
		int height = image.getHeight();
		int x0 = width / 5;
		int x1 = width - width / 5;
		int y0 = height / 6;
		int y1 = height - height / 20;
		int step = Math.max(1, Math.min(x1 - x0, y1 - y0) / 150);
		int n = 0;
		for (int y = y0; y < y1; y += step) {
			for (int x = x0; x < x1; x += step) {
				int p = image.getRGB(x, y);
				int bin = (((p >> 16) & 0xFF) >> 6) * 16 + (((p >> 8) & 0xFF) >> 6) * 4 + ((p & 0xFF) >> 6);
				histogram[bin]++;
				n++;
			}
		}
		for (int i = 0; i < histogram.length; i++) {
			histogram[i] /= Math.max(1, n);
		}
		return histogram;
	}

	/**
	 * How alike two signatures are.
	 * @param a one
	 * @param b the other
	 * @return the histogram intersection, 0 (nothing in common) to 1 (same colours)
	 */
	public static double similarity(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			sum += Math.min(a[i], b[i]);
		}
		return sum;
	}

}

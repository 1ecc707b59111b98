package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The automatic edit of an event that asked for it: white balance (gray world on the
 * mid-tones, gains clamped so that a photo full of blue sky or green grass is not turned
 * grey), exposure (the median luminance brought into a comfortable band, the brightest
 * tones rolled off rather than clipped, gain clamped) and a mild unsharp mask on the
 * luminance. It is measured once on a small image (the preview) and applied to the larger
 * ones with the same tone curves, so that the web version and the preview look the same.
 * Pure: it never draws on the image it is given.
 */
public final class AutoCorrection {

	/** The median luminance below or above which the exposure is corrected. */
	static final int DARK_MEDIAN = 95;

	static final int BRIGHT_MEDIAN = 150;

	/** The most the exposure gain may brighten, or darken (its inverse). */
	static final double MAX_GAIN = 2.0;

	static final double MIN_GAIN = 0.8;

	/** White-balance gains stay within this factor of 1. */
	static final double MAX_WB = 1.4;

	/** Where the highlight shoulder starts, as a share of full scale. */
	private static final double KNEE = 0.85;

	/** The unsharp mask's strength and its threshold, in 8-bit levels. */
	private static final int SHARPEN_PERCENT = 35;

	private static final int SHARPEN_THRESHOLD = 2;

	private final int[][] curves;

	private AutoCorrection(int[][] curves) {
		this.curves = curves;
	}

	/**
	 * Measures what an image needs.
	 * @param sample the image, or a smaller copy of it (a few hundred pixels wide is
	 * enough)
	 * @return the correction
	 */
	public static AutoCorrection measure(BufferedImage sample) {
		int w = sample.getWidth();
		int h = sample.getHeight();
		// At most about 250,000 pixels are looked at.
		int step = Math.max(1, (int) Math.sqrt((double) w * h / 250_000));
		double[] sum = new double[3];
		long count = 0;
		int[] row = new int[w];
		for (int y = 0; y < h; y += step) {
			sample.getRGB(0, y, w, 1, row, 0, w);
			for (int x = 0; x < w; x += step) {
				int p = row[x];
				int r = (p >> 16) & 0xFF;
				int g = (p >> 8) & 0xFF;
				int b = p & 0xFF;
				int max = Math.max(r, Math.max(g, b));
				int min = Math.min(r, Math.min(g, b));
				// Mid-tones only: clipped or black pixels say nothing of the light's
				// colour.
				if (max < 250 && min > 8) {
					sum[0] += r;
					sum[1] += g;
					sum[2] += b;
					count++;
				}
			}
		}
		double[] wb = { 1, 1, 1 };
		if (count > 0) {
			double grey = (sum[0] + sum[1] + sum[2]) / 3;
			for (int c = 0; c < 3; c++) {
				wb[c] = (sum[c] > 0) ? clamp(grey / sum[c], 1 / MAX_WB, MAX_WB) : 1;
			}
		}
		int[] histogram = new int[256];
		long total = 0;
		for (int y = 0; y < h; y += step) {
			sample.getRGB(0, y, w, 1, row, 0, w);
			for (int x = 0; x < w; x += step) {
				int p = row[x];
				double luma = 0.299 * ((p >> 16) & 0xFF) * wb[0] + 0.587 * ((p >> 8) & 0xFF) * wb[1]
						+ 0.114 * (p & 0xFF) * wb[2];
				histogram[(int) Math.min(255, Math.round(luma))]++;
				total++;
			}
		}
		double gain = exposureGain(percentile(histogram, total, 0.5), percentile(histogram, total, 0.995));
		int[][] curves = new int[3][256];
		for (int c = 0; c < 3; c++) {
			for (int v = 0; v < 256; v++) {
				curves[c][v] = (int) Math.round(255 * shoulder(v * wb[c] * gain / 255, wb[c] * gain));
			}
		}
		return new AutoCorrection(curves);
	}

	/**
	 * Measures an image and corrects it.
	 * @param image the image
	 * @return a new corrected image
	 */
	public static BufferedImage enhance(BufferedImage image) {
		return measure(image).apply(image, true);
	}

	/**
	 * The exposure gain for a luminance histogram's median and white point: none while
	 * the median is in the comfortable band; otherwise the gain that brings it to the
	 * band's edge, never so much that the white point goes far past full scale.
	 */
	static double exposureGain(int median, int white) {
		double gain = 1;
		if (median < DARK_MEDIAN) {
			gain = DARK_MEDIAN / (double) Math.max(1, median);
			// The highlight shoulder rolls off what goes past full scale, up to a point.
			gain = Math.min(gain, 1.25 * 255 / Math.max(1, white));
		}
		else if (median > BRIGHT_MEDIAN) {
			gain = BRIGHT_MEDIAN / (double) median;
		}
		return clamp(gain, MIN_GAIN, MAX_GAIN);
	}

	/**
	 * Applies the correction.
	 * @param image the image (never drawn on)
	 * @param sharpen whether to apply the mild unsharp mask too
	 * @return a new image, {@link BufferedImage#TYPE_INT_RGB}
	 */
	public BufferedImage apply(BufferedImage image, boolean sharpen) {
		int w = image.getWidth();
		int h = image.getHeight();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
		image.getRGB(0, 0, w, h, pixels, 0, w);
		int[] red = this.curves[0];
		int[] green = this.curves[1];
		int[] blue = this.curves[2];
		for (int i = 0; i < pixels.length; i++) {
			int p = pixels[i];
			pixels[i] = (red[(p >> 16) & 0xFF] << 16) | (green[(p >> 8) & 0xFF] << 8) | blue[p & 0xFF];
		}
		if (sharpen && w > 2 && h > 2) {
			sharpen(pixels, w, h);
		}
		return out;
	}

	/**
	 * Unsharp mask on the luminance (radius about one pixel: a 1-2-1 blur each way), the
	 * same difference added to the three channels so that colours do not fringe. Three
	 * rows of luminance are kept at a time (the rows are read before they are sharpened):
	 * a 24 MP photo needs no full-size buffer beside itself.
	 */
	private static void sharpen(int[] pixels, int w, int h) {
		int[][] luma = new int[3][w];
		int[][] across = new int[3][w];
		rowLuma(pixels, w, 0, luma[0], across[0]);
		rowLuma(pixels, w, 1, luma[1], across[1]);
		for (int y = 1; y < h - 1; y++) {
			rowLuma(pixels, w, y + 1, luma[(y + 1) % 3], across[(y + 1) % 3]);
			int[] above = across[(y - 1) % 3];
			int[] here = across[y % 3];
			int[] below = across[(y + 1) % 3];
			int[] own = luma[y % 3];
			int o = y * w;
			for (int x = 0; x < w; x++) {
				int blurred = (above[x] + 2 * here[x] + below[x] + 8) >> 4;
				int delta = (own[x] - blurred) * SHARPEN_PERCENT / 100;
				if (delta > SHARPEN_THRESHOLD || delta < -SHARPEN_THRESHOLD) {
					int p = pixels[o + x];
					pixels[o + x] = (level(((p >> 16) & 0xFF) + delta) << 16) | (level(((p >> 8) & 0xFF) + delta) << 8)
							| level((p & 0xFF) + delta);
				}
			}
		}
	}

	/**
	 * One row's luminance and its 1-2-1 horizontal blur (times 4).
	 */
	private static void rowLuma(int[] pixels, int w, int y, int[] luma, int[] across) {
		int o = y * w;
		for (int x = 0; x < w; x++) {
			int p = pixels[o + x];
			luma[x] = (77 * ((p >> 16) & 0xFF) + 150 * ((p >> 8) & 0xFF) + 29 * (p & 0xFF)) >> 8;
		}
		across[0] = luma[0] * 4;
		across[w - 1] = luma[w - 1] * 4;
		for (int x = 1; x < w - 1; x++) {
			across[x] = luma[x - 1] + 2 * luma[x] + luma[x + 1];
		}
	}

	/**
	 * Linear up to the knee, then a smooth roll-off ({@code t / (1 + a t)}, same slope at
	 * the knee) that brings the brightest input ({@code scale}) to full scale exactly:
	 * brightened highlights keep their detail, and an image that is not brightened keeps
	 * its tones.
	 */
	static double shoulder(double x, double scale) {
		if (x <= KNEE || scale <= 1) {
			return Math.max(0, Math.min(1, x));
		}
		double room = 1 - KNEE;
		double top = (scale - KNEE) / room;
		double a = (top - 1) / top;
		double t = (x - KNEE) / room;
		return Math.min(1, KNEE + room * t / (1 + a * t));
	}

	private static int percentile(int[] histogram, long total, double share) {
		long wanted = (long) Math.ceil(total * share);
		long seen = 0;
		for (int v = 0; v < histogram.length; v++) {
			seen += histogram[v];
			if (seen >= wanted) {
				return v;
			}
		}
		return 255;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	private static int level(int value) {
		return (value < 0) ? 0 : Math.min(255, value);
	}

}

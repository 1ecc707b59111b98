package com.focusracer.photos.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.focusracer.photos.Photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AutoCorrectionTests {

	@Test
	void aBlueCastBecomesNeutral() {
		// A grey scene under cold light: blue well above red.
		BufferedImage cast = scene(new double[] { 0.85, 1.0, 1.3 }, 1.0);
		double[] before = means(cast);
		assertThat(before[2] - before[0]).isGreaterThan(40);

		double[] after = means(AutoCorrection.enhance(cast));
		assertThat(Math.abs(after[2] - after[0])).as("blue minus red").isLessThan(6);
		assertThat(Math.abs(after[1] - after[0])).as("green minus red").isLessThan(6);
	}

	@Test
	void aDarkPhotoGetsBrighterWithoutClipping() {
		BufferedImage dark = scene(new double[] { 1, 1, 1 }, 0.35);
		double before = luma(dark);
		BufferedImage corrected = AutoCorrection.enhance(dark);
		double after = luma(corrected);
		assertThat(after).isGreaterThan(before * 1.6);
		assertThat(after).as("the gain is clamped").isLessThan(before * AutoCorrection.MAX_GAIN + 3);
		assertThat(clipped(corrected)).as("share of pixels pushed to white").isLessThan(0.01);
	}

	@Test
	void aWellExposedNeutralPhotoChangesVeryLittle() {
		BufferedImage good = scene(new double[] { 1, 1, 1 }, 1.0);
		BufferedImage corrected = AutoCorrection.measure(good).apply(good, false);
		double[] before = means(good);
		double[] after = means(corrected);
		for (int c = 0; c < 3; c++) {
			assertThat(after[c]).isCloseTo(before[c], within(2.0));
		}
		// The mild sharpen moves pixels a few levels at edges, not the tones.
		assertThat(luma(AutoCorrection.enhance(good))).isCloseTo(luma(good), within(2.0));
	}

	@Test
	void anOverexposedPhotoIsDarkenedALittle() {
		BufferedImage bright = scene(new double[] { 1, 1, 1 }, 1.45);
		assertThat(luma(AutoCorrection.enhance(bright))).isLessThan(luma(bright) - 5);
	}

	@Test
	void theGivenImageIsNeverDrawnOn() {
		BufferedImage dark = scene(new double[] { 0.8, 1, 1.3 }, 0.4);
		int[] before = dark.getRGB(0, 0, dark.getWidth(), dark.getHeight(), null, 0, dark.getWidth());
		BufferedImage corrected = AutoCorrection.enhance(dark);
		assertThat(corrected).isNotSameAs(dark);
		assertThat(dark.getRGB(0, 0, dark.getWidth(), dark.getHeight(), null, 0, dark.getWidth())).isEqualTo(before);
	}

	@Test
	void sharpeningRaisesEdgeContrast() {
		BufferedImage soft = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 64; y++) {
			for (int x = 0; x < 64; x++) {
				int v = (x < 32) ? 80 : 170;
				soft.setRGB(x, y, new Color(v, v, v).getRGB());
			}
		}
		AutoCorrection none = AutoCorrection.measure(soft);
		BufferedImage sharp = none.apply(soft, true);
		BufferedImage flat = none.apply(soft, false);
		int step = (sharp.getRGB(32, 32) & 0xFF) - (sharp.getRGB(31, 32) & 0xFF);
		int flatStep = (flat.getRGB(32, 32) & 0xFF) - (flat.getRGB(31, 32) & 0xFF);
		assertThat(step).isGreaterThan(flatStep + 8);
		// Away from the edge, nothing moves.
		assertThat(sharp.getRGB(10, 32)).isEqualTo(flat.getRGB(10, 32));
	}

	@Test
	void theShoulderKeepsTonesUnlessBrightened() {
		assertThat(AutoCorrection.shoulder(0.95, 1.0)).isEqualTo(0.95);
		assertThat(AutoCorrection.shoulder(1.6, 1.6)).isCloseTo(1.0, within(1e-9));
		assertThat(AutoCorrection.shoulder(0.5, 1.6)).isEqualTo(0.5);
		assertThat(AutoCorrection.shoulder(1.2, 1.6)).isBetween(0.85, 1.0);
	}

	/**
	 * A photo-like scene (a runner on a finish line, noise) with a colour cast (per
	 * channel factors) and an exposure factor.
	 */
	private static BufferedImage scene(double[] cast, double exposure) {
		BufferedImage base = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = base.createGraphics();
		g.drawImage(Photos.aFinishLineScene(480, 320), 0, 0, null);
		g.dispose();
		// The scene is made neutral first (its own mean per channel), so that only the
		// cast below is measured.
		double[] own = means(base);
		double grey = (own[0] + own[1] + own[2]) / 3;
		Random random = new Random(3);
		BufferedImage out = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 320; y++) {
			for (int x = 0; x < 480; x++) {
				int p = base.getRGB(x, y);
				int noise = random.nextInt(7) - 3;
				int r = level(((p >> 16) & 0xFF) * grey / own[0] * 0.9 * cast[0] * exposure + noise);
				int gr = level(((p >> 8) & 0xFF) * grey / own[1] * 0.9 * cast[1] * exposure + noise);
				int b = level((p & 0xFF) * grey / own[2] * 0.9 * cast[2] * exposure + noise);
				out.setRGB(x, y, (r << 16) | (gr << 8) | b);
			}
		}
		return out;
	}

	private static double[] means(BufferedImage image) {
		double[] sum = new double[3];
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int p = image.getRGB(x, y);
				sum[0] += (p >> 16) & 0xFF;
				sum[1] += (p >> 8) & 0xFF;
				sum[2] += p & 0xFF;
			}
		}
		double n = (double) image.getWidth() * image.getHeight();
		return new double[] { sum[0] / n, sum[1] / n, sum[2] / n };
	}

	private static double luma(BufferedImage image) {
		double[] m = means(image);
		return 0.299 * m[0] + 0.587 * m[1] + 0.114 * m[2];
	}

	private static double clipped(BufferedImage image) {
		long n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFF) == 255 && ((image.getRGB(x, y) >> 8) & 0xFF) == 255) {
					n++;
				}
			}
		}
		return (double) n / (image.getWidth() * image.getHeight());
	}

	private static int level(double v) {
		return (int) Math.max(0, Math.min(255, Math.round(v)));
	}

}

package com.focusracer.recognition.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portrait score from synthetic 68-point landmarks: open eyes and a smile rank above
 * shut eyes and a closed mouth; a bigger, sharper face ranks above a small, blurred one.
 */
class PortraitScoreTests {

	/** A face 100 units wide: eyes at y 40, mouth at y 75. */
	static double[][] face(double eyeOpening, double mouthWidth, double cornerLift) {
		double[][] p = new double[68][];
		for (int i = 0; i < 68; i++) {
			p[i] = new double[] { 50, 50 };
		}
		eye(p, 36, 30, eyeOpening);
		eye(p, 42, 70, eyeOpening);
		double left = 50 - mouthWidth / 2;
		double right = 50 + mouthWidth / 2;
		p[48] = new double[] { left, 75 - cornerLift };
		p[54] = new double[] { right, 75 - cornerLift };
		p[51] = new double[] { 50, 72 };
		p[57] = new double[] { 50, 78 };
		return p;
	}

	/** Six points of an eye 20 wide centred on x, lids {@code opening} apart. */
	static void eye(double[][] p, int first, double x, double opening) {
		p[first] = new double[] { x - 10, 40 };
		p[first + 1] = new double[] { x - 4, 40 - opening / 2 };
		p[first + 2] = new double[] { x + 4, 40 - opening / 2 };
		p[first + 3] = new double[] { x + 10, 40 };
		p[first + 4] = new double[] { x + 4, 40 + opening / 2 };
		p[first + 5] = new double[] { x - 4, 40 + opening / 2 };
	}

	static float[] texture(double contrast) {
		float[] grey = new float[64 * 64];
		for (int i = 0; i < grey.length; i++) {
			grey[i] = (float) (0.5 + contrast * (((i % 64) / 2 + (i / 64) / 2) % 2 == 0 ? 0.5 : -0.5));
		}
		return grey;
	}

	@Test
	void openEyesAndASmileMakeTheBetterPortrait() {
		double[][] smiling = face(6, 40, 4);
		double[][] neutral = face(6, 28, 0);
		double[][] blinking = face(1, 28, 0);
		assertThat(PortraitScore.eyesOpen(smiling)).isGreaterThan(0.9);
		assertThat(PortraitScore.eyesOpen(blinking)).isLessThan(0.1);
		assertThat(PortraitScore.smile(smiling)).isGreaterThan(PortraitScore.smile(neutral) + 0.3);
		float[] sharp = texture(0.4);
		double best = PortraitScore.of(smiling, sharp, 120, 0.95);
		double middle = PortraitScore.of(neutral, sharp, 120, 0.95);
		double worst = PortraitScore.of(blinking, sharp, 120, 0.95);
		assertThat(best).isGreaterThan(middle);
		assertThat(middle).isGreaterThan(worst);
		assertThat(best).isBetween(0.0, 1.0);
	}

	@Test
	void theLandmarkModelGivesTheSixtyEightPointsTheScoreReads() throws Exception {
		FaceModels models = FaceModels.load(null, 1);
		org.junit.jupiter.api.Assumptions.assumeTrue(models != null, "face models not fetched");
		try (models) {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 200,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			FaceModels.Landmarks marks = models.landmarks68(image, new double[] { 50, 50, 100, 0.9 });
			assertThat(marks.points().length).isEqualTo(68);
			assertThat(marks.grey()).hasSize(64 * 64);
			double score = PortraitScore.of(marks.points(), marks.grey(), 100, 0.9);
			assertThat(score).isBetween(0.0, 1.0);
		}
	}

	@Test
	void aSmallOrBlurredFaceRanksLower() {
		double[][] smiling = face(6, 40, 4);
		assertThat(PortraitScore.of(smiling, texture(0.4), 120, 0.95))
			.isGreaterThan(PortraitScore.of(smiling, texture(0.4), 30, 0.95));
		assertThat(PortraitScore.sharpness(texture(0.4), 64)).isGreaterThan(PortraitScore.sharpness(texture(0), 64));
		assertThat(PortraitScore.of(smiling, texture(0.4), 120, 0.95))
			.isGreaterThan(PortraitScore.of(smiling, texture(0), 120, 0.95));
	}

}

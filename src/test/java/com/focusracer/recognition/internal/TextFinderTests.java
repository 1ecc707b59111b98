package com.focusracer.recognition.internal;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextFinderTests {

	private final TextFinder finder = new TextFinder(null, TextFinder.Settings.DEFAULTS);

	@Test
	void theFullPassSeesABigPhotoAtItsFullShortSide() {
		// A 24 MP photo's analysis image, and a 3,000 x 2,000 crowd photo: bibs 2 % of
		// the short side reach 31 px.
		assertThat(shortSideSeen(3072, 2048)).isCloseTo(1536, within(0.5));
		assertThat(shortSideSeen(2625, 1750)).isCloseTo(1536, within(0.5));
		assertThat(shortSideSeen(1750, 2625)).as("portrait").isCloseTo(1536, within(0.5));
	}

	@Test
	void aSmallPhotoIsEnlargedToOneThousandAndTwentyFourOnly() {
		assertThat(shortSideSeen(850, 573)).isCloseTo(1024, within(0.5));
		assertThat(shortSideSeen(1280, 1200)).as("between the two: seen as it is").isCloseTo(1200, within(0.5));
	}

	private double shortSideSeen(int width, int height) {
		BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		return this.finder.fullScale(photo) * Math.min(width, height);
	}

}

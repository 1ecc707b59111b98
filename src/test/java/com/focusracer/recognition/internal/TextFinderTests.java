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

	@Test
	void aLargeFullPassIsDetectedInStripsThatFindTextOnTheirEdgesOnce() throws Exception {
		// 3,000 x 4,000 at a 1,536 px short side is 1,536 x 2,048 pixels: three strips,
		// the second starting at y = 1,233. A number across that edge, and one inside
		// the overlap of the first two.
		java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(3000, 4000,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = photo.createGraphics();
		g.setColor(new java.awt.Color(70, 100, 70));
		g.fillRect(0, 0, 3000, 4000);
		g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
				java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(400, 1150, 700, 200);
		g.fillRect(1800, 1330, 700, 200);
		g.setColor(java.awt.Color.BLACK);
		g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 110));
		g.drawString("4821", 480, 1290);
		g.drawString("3107", 1880, 1470);
		g.dispose();
		try (OcrModels models = new OcrModels(1)) {
			java.util.List<RotatedBox> boxes = new TextFinder(models, TextFinder.Settings.DEFAULTS).full(photo);
			assertThat(boxes.stream().filter((b) -> b.centerX() > 400 && b.centerX() < 1100)).as("across the edge")
				.hasSize(1);
			assertThat(boxes.stream().filter((b) -> b.centerX() > 1800 && b.centerX() < 2500)).as("in the overlap")
				.hasSize(1);
		}
	}

	private double shortSideSeen(int width, int height) {
		BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		return this.finder.fullScale(photo) * Math.min(width, height);
	}

}

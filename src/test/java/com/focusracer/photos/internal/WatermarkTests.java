package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkTests {

	private static final Derivatives.Branding BRANDING = new Derivatives.Branding("Focus Racer · Test", null, null);

	@Test
	void theWatermarkCoversTheWholeImage() throws Exception {
		BufferedImage plain = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		BufferedImage marked = Watermark.apply(copyOf(plain), BRANDING);
		// Every 200x150 tile of the image carries part of the watermark: no crop escapes
		// it.
		for (int ty = 0; ty < 4; ty++) {
			for (int tx = 0; tx < 4; tx++) {
				int changed = 0;
				for (int y = ty * 150; y < (ty + 1) * 150; y++) {
					for (int x = tx * 200; x < (tx + 1) * 200; x++) {
						if (marked.getRGB(x, y) != plain.getRGB(x, y)) {
							changed++;
						}
					}
				}
				assertThat(changed).as("tile %d,%d", tx, ty).isGreaterThan(200);
			}
		}
	}

	private static BufferedImage copyOf(BufferedImage image) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		copy.createGraphics().drawImage(image, 0, 0, null);
		return copy;
	}

}

package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrientationTests {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void everyExifOrientationMapsPixelsAsTheStandardSays(int orientation) {
		everyPixelLandsWhereTheStandardSays(orientation, BufferedImage.TYPE_INT_RGB);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void imagesInOtherLayoutsAreTurnedTheSameWay(int orientation) {
		everyPixelLandsWhereTheStandardSays(orientation, BufferedImage.TYPE_3BYTE_BGR);
	}

	private static void everyPixelLandsWhereTheStandardSays(int orientation, int type) {
		int w = 130;
		int h = 70;
		BufferedImage source = new BufferedImage(w, h, type);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				source.setRGB(x, y, (x << 12) | y);
			}
		}
		BufferedImage out = Orientation.upright(source, orientation);
		boolean swap = orientation >= 5;
		assertThat(out.getWidth()).isEqualTo(swap ? h : w);
		assertThat(out.getHeight()).isEqualTo(swap ? w : h);
		for (int y = 0; y < out.getHeight(); y++) {
			for (int x = 0; x < out.getWidth(); x++) {
				int[] src = switch (orientation) {
					case 2 -> new int[] { w - 1 - x, y };
					case 3 -> new int[] { w - 1 - x, h - 1 - y };
					case 4 -> new int[] { x, h - 1 - y };
					case 5 -> new int[] { y, x };
					case 6 -> new int[] { y, h - 1 - x };
					case 7 -> new int[] { w - 1 - y, h - 1 - x };
					case 8 -> new int[] { w - 1 - y, x };
					default -> new int[] { x, y };
				};
				assertThat(out.getRGB(x, y) & 0xFFFFFF).as("orientation %d at %d,%d", orientation, x, y)
					.isEqualTo(source.getRGB(src[0], src[1]) & 0xFFFFFF);
			}
		}
	}

}

package com.focusracer.recognition.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProbabilityMapTests {

	@Test
	void eachConnectedRegionGetsTheSmallestRectangleAroundItsPixels() {
		int width = 120;
		int height = 80;
		float[] p = new float[width * height];
		// A straight line of text, 20 x 4 pixels.
		for (int y = 10; y < 14; y++) {
			for (int x = 5; x < 25; x++) {
				p[y * width + x] = 0.9f;
			}
		}
		// A line of text tilted by half a pixel a column, 4 pixels thick.
		for (int x = 40; x < 100; x++) {
			int y0 = 30 + (x - 40) / 2;
			for (int y = y0; y < y0 + 4; y++) {
				p[y * width + x] = 0.8f;
			}
		}
		List<ProbabilityMap.Region> regions = new ProbabilityMap(p, width, height, 1, 1).regions(0.3f, 1);

		assertThat(regions).hasSize(2);
		ProbabilityMap.Region straight = regions.get(0);
		assertThat(straight.pixels()).isEqualTo(80);
		assertThat(straight.score()).isCloseTo(0.9, within(1e-6));
		assertThat(straight.box().bounds()).containsExactly(5, 10, 20, 4);
		ProbabilityMap.Region tilted = regions.get(1);
		assertThat(tilted.pixels()).isEqualTo(240);
		// Its bounds are 60 x 33, but the rectangle follows the slope: about 4 pixels
		// thick, 67 long.
		assertThat(tilted.textHeight()).isBetween(3.5, 5.0);
		assertThat(Math.max(tilted.box().width(), tilted.box().height())).isBetween(65.0, 69.0);
	}

}

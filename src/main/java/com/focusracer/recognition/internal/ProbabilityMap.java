package com.focusracer.recognition.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text detector's probability for each pixel of its input, and the text regions and
 * boxes PP-OCR makes of it: regions above 0.3 with a mean probability of at least 0.6,
 * grown by area × 1.5 / perimeter ({@code shared/design/RECOGNITION.md}).
 *
 * @param probability one value per pixel, row by row
 * @param width the input's width
 * @param height the input's height
 * @param sx image pixels per input pixel, across
 * @param sy image pixels per input pixel, down
 */
public record ProbabilityMap(float[] probability, int width, int height, double sx, double sy) {

	/**
	 * A connected region of the probability map above the binarisation threshold.
	 *
	 * @param box its minimum-area rectangle, in the map's pixels (not grown)
	 * @param score the mean probability inside
	 * @param pixels how many pixels it holds
	 */
	public record Region(RotatedBox box, double score, int pixels) {

		/**
		 * The text's height in the map's pixels (the rectangle's short side).
		 * @return the height
		 */
		public double textHeight() {
			return Math.min(this.box.width(), this.box.height());
		}

		/**
		 * A region's text box, grown as PP-OCR grows it, in the map's pixels.
		 * @return the box, or {@code null} when the region is too thin or too faint to be
		 * text
		 */
		public RotatedBox grown() {
			RotatedBox box = this.box;
			if (Math.min(box.width(), box.height()) < 3 || this.score < 0.6) {
				return null;
			}
			double area = box.width() * box.height();
			double perimeter = 2 * (box.width() + box.height());
			RotatedBox grown = box.expanded(area * 1.5 / perimeter);
			if (Math.min(grown.width(), grown.height()) < 5) {
				return null;
			}
			return grown;
		}

	}

	/**
	 * The 8-connected regions of the map above a threshold.
	 * @param threshold the binarisation threshold (0.3 for boxes)
	 * @param minimumPixels smaller regions are ignored
	 * @return the regions
	 */
	public List<Region> regions(float threshold, int minimumPixels) {
		int width = this.width;
		int height = this.height;
		float[] probability = this.probability;
		boolean[] seen = new boolean[width * height];
		List<Region> regions = new ArrayList<>();
		// One region's pixels at a time, in the order they are reached; of each row of it
		// only the leftmost and rightmost pixel are kept: they alone make its convex hull
		// (a region of 6,000 pixels no longer sorts 24,000 corners).
		int[] queue = new int[width * height];
		int[] rowMin = new int[height];
		int[] rowMax = new int[height];
		Arrays.fill(rowMin, Integer.MAX_VALUE);
		Arrays.fill(rowMax, -1);
		for (int start = 0; start < probability.length; start++) {
			if (seen[start] || probability[start] <= threshold) {
				continue;
			}
			double sum = 0;
			int head = 0;
			int tail = 0;
			int top = height;
			int bottom = -1;
			queue[tail++] = start;
			seen[start] = true;
			while (head < tail) {
				int index = queue[head++];
				int x = index % width;
				int y = index / width;
				rowMin[y] = Math.min(rowMin[y], x);
				rowMax[y] = Math.max(rowMax[y], x);
				top = Math.min(top, y);
				bottom = Math.max(bottom, y);
				sum += probability[index];
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) {
						int nx = x + dx;
						int ny = y + dy;
						if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
							int next = ny * width + nx;
							if (!seen[next] && probability[next] > threshold) {
								seen[next] = true;
								queue[tail++] = next;
							}
						}
					}
				}
			}
			int n = tail;
			if (n >= minimumPixels) {
				regions.add(new Region(RotatedBox.minimumArea(top, bottom, rowMin, rowMax), sum / n, n));
			}
			for (int y = top; y <= bottom; y++) {
				rowMin[y] = Integer.MAX_VALUE;
				rowMax[y] = -1;
			}
		}
		return regions;
	}

	/**
	 * The text boxes of a map, as PP-OCR makes them: regions above 0.3 with a mean
	 * probability of at least 0.6, grown by area × 1.5 / perimeter, in image pixels.
	 * @return the boxes
	 */
	public List<RotatedBox> boxes() {
		List<RotatedBox> boxes = new ArrayList<>();
		for (Region region : regions(0.3f, 1)) {
			RotatedBox grown = region.grown();
			if (grown != null) {
				boxes.add(grown.scaled(this.sx, this.sy));
			}
		}
		return boxes;
	}

}

package com.focusracer.recognition;

/**
 * A number read on a photo.
 *
 * @param bib the digits read
 * @param confidence the recogniser's confidence, 0–1
 * @param box where it is, in the photo's pixels
 */
public record BibRead(String bib, double confidence, Box box) {

	/**
	 * An axis-aligned box around a read.
	 *
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 */
	public record Box(int x, int y, int width, int height) {
	}

}

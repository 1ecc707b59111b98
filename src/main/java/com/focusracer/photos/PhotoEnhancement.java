package com.focusracer.photos;

import java.awt.image.BufferedImage;

import com.focusracer.photos.internal.AutoCorrection;

/**
 * The automatic edit of events that turned it on (exposure, white balance, a mild
 * sharpen), for the versions that other modules make from an original: the shop's
 * "enhanced" download. The same correction as the pipeline's web version and preview.
 */
public final class PhotoEnhancement {

	private PhotoEnhancement() {
	}

	/**
	 * Measures an image and corrects it.
	 * @param image the decoded photo (never drawn on)
	 * @return a new corrected image
	 */
	public static BufferedImage enhanced(BufferedImage image) {
		return AutoCorrection.enhance(image);
	}

}

package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * What share images take from the derive stage's drawing: the same watermark (from the
 * same cached overlays) and the same JPEG encoder.
 */
public final class ShareRendering {

	private ShareRendering() {
	}

	/**
	 * Draws an event's watermark across an image.
	 * @param image the image, drawn on
	 * @param branding the event's watermark
	 * @return the image
	 */
	public static BufferedImage watermark(BufferedImage image, Derivatives.Branding branding) {
		return Watermark.apply(image, branding);
	}

	/**
	 * Encodes an image as a JPEG without any metadata.
	 * @param image the image
	 * @return the bytes
	 * @throws IOException when the encoder fails
	 */
	public static byte[] jpeg(BufferedImage image) throws IOException {
		return JpegEncoder.encode(image, 0.86f);
	}

}

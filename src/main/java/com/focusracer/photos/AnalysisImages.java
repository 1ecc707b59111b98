package com.focusracer.photos;

import java.io.IOException;
import java.nio.file.Path;

import com.focusracer.photos.internal.Derivatives;

/**
 * The analysis image of a photo file, made exactly as the pipeline's {@code derive} stage
 * makes it (upright, unwatermarked, at most 3,072 px long, JPEG): for the evaluation
 * tools, which read photos that are not in the application.
 */
public final class AnalysisImages {

	private AnalysisImages() {
	}

	/**
	 * Makes the analysis image of a file.
	 * @param file a JPEG or PNG photo
	 * @return the JPEG bytes
	 * @throws IOException when the file cannot be read or decoded
	 */
	public static byte[] of(Path file) throws IOException {
		if (!java.nio.file.Files.isRegularFile(file)) {
			throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such file");
		}
		return Derivatives.analysis(file,
				new PhotosProperties(null, null, null, null, null, null, null, null).webSize());
	}

	/**
	 * Decodes a picture sent by a person (a selfie) upright, at most {@code longSide}
	 * long, in memory only: nothing of it is written to disk, not even ImageIO's cache.
	 * @param image the JPEG or PNG bytes
	 * @param longSide the longest side wanted
	 * @return the picture
	 * @throws IOException when the bytes are not a picture that can be decoded
	 */
	public static java.awt.image.BufferedImage uprightInMemory(byte[] image, int longSide) throws IOException {
		return Derivatives.uprightInMemory(image, longSide);
	}

}

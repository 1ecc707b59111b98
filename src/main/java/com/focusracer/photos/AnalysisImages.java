package com.focusracer.photos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.focusracer.photos.internal.Derivatives;

/**
 * The analysis image of a photo file, made exactly as the pipeline's {@code derive} stage
 * makes it (upright, unwatermarked, at most 3,072 px long, same decoder and scale): for
 * the evaluation tools, which read photos that are not in the application.
 */
public final class AnalysisImages {

	private static final int WEB_SIZE = new PhotosProperties(null, null, null, null, null, null, null, null, null, null)
		.webSize();

	private AnalysisImages() {
	}

	/**
	 * Makes the analysis image of a file, as {@code derive} makes it for the recognition
	 * stages. The decoder is libjpeg-turbo where it is installed, unless the
	 * {@code focusracer.photos.native-jpeg} system property is {@code false}.
	 * @param file a JPEG or PNG photo
	 * @return the upright image
	 * @throws IOException when the file cannot be read or decoded
	 */
	public static BufferedImage upright(Path file) throws IOException {
		requireFile(file);
		return Derivatives.analysisImage(file, WEB_SIZE);
	}

	/**
	 * Makes the analysis image of a file, JPEG-encoded (q 0.92). The pipeline no longer
	 * encodes it: prefer {@link #upright(Path)}, which gives the pixels the recognition
	 * stages read.
	 * @param file a JPEG or PNG photo
	 * @return the JPEG bytes
	 * @throws IOException when the file cannot be read or decoded
	 */
	public static byte[] of(Path file) throws IOException {
		requireFile(file);
		return Derivatives.analysis(file, WEB_SIZE);
	}

	/**
	 * Decodes a picture sent by a person (a selfie) upright, at most {@code longSide}
	 * long, in memory only: nothing of it is written to disk, not even ImageIO's cache.
	 * @param image the JPEG or PNG bytes
	 * @param longSide the longest side wanted
	 * @return the picture
	 * @throws IOException when the bytes are not a picture that can be decoded
	 */
	public static BufferedImage uprightInMemory(byte[] image, int longSide) throws IOException {
		return Derivatives.uprightInMemory(image, longSide);
	}

	private static void requireFile(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString(), null, "no such file");
		}
	}

}

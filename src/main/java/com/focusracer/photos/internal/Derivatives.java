package com.focusracer.photos.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Makes the web version and the preview of a photo: upright (all eight EXIF
 * orientations), in sRGB, scaled, watermarked across the whole image, JPEG with no
 * metadata at all; measures its sharpness and exposure; and gives the analysis image the
 * recognition stages read. Each step has its own class (decoder, orientation, scaling,
 * watermark, quality, encoder): this one only says in which order they run.
 */
public final class Derivatives {

	private Derivatives() {
	}

	/**
	 * What the watermark says.
	 *
	 * @param text the tiled text
	 * @param sponsor an optional sponsor line, drawn in a corner band
	 * @param color the brand colour of the band, {@code #RRGGBB}, may be {@code null}
	 * @param logo the event's logo, tiled between the texts, may be {@code null}
	 */
	public record Branding(String text, String sponsor, String color, BufferedImage logo) {

		public Branding(String text, String sponsor, String color) {
			this(text, sponsor, color, null);
		}

	}

	/**
	 * The derived files and measurements.
	 *
	 * @param web the web version, JPEG
	 * @param preview the preview, JPEG
	 * @param analysis the analysis image: upright, unwatermarked, at most
	 * {@link #ANALYSIS_SIZE} long, kept in memory for the recognition stages (never drawn
	 * on)
	 * @param sharpness variance of the Laplacian of the unwatermarked preview
	 * @param exposure mean luminance, 0–255
	 * @param quality 0–1 combining both
	 * @param takenAt when the camera took it, if the EXIF says
	 */
	public record Result(byte[] web, byte[] preview, BufferedImage analysis, double sharpness, double exposure,
			double quality, Instant takenAt, String cameraSerial) {
	}

	/**
	 * A photo the decoder cannot read; the key names the message for people.
	 */
	public static class UndecodableException extends IOException {

		private final String messageKey;

		public UndecodableException(String messageKey, Throwable cause) {
			super(messageKey, cause);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

	/**
	 * The long side of the analysis image: the upright, unwatermarked photo that
	 * recognition reads (a 24 MP photo keeps half its resolution).
	 */
	public static final int ANALYSIS_SIZE = 3072;

	/**
	 * A photo up to this long keeps every pixel in its analysis image; a longer one is
	 * decoded at the smallest DCT scale that keeps this many (6,000 px at 1/2).
	 */
	static final int ANALYSIS_KEEPS = 2880;

	/**
	 * Derives a photo with the decoder the {@code focusracer.photos.native-jpeg} system
	 * property asks for (libjpeg-turbo unless it is {@code false}).
	 * @param original the photo file
	 * @param branding the event's watermark
	 * @param webSize the web version's long side
	 * @param previewSize the preview's long side
	 * @return the derived files and measurements
	 * @throws IOException when the file cannot be read or decoded
	 */
	public static Result derive(Path original, Branding branding, int webSize, int previewSize) throws IOException {
		return derive(PhotoDecoder.standard(), original, branding, webSize, previewSize);
	}

	/**
	 * Derives a photo as {@link #derive(Path, Branding, int, int)} does, with the
	 * automatic edit when asked (for the benchmark that measures what it costs).
	 * @param original the photo file
	 * @param branding the event's watermark
	 * @param webSize the web version's long side
	 * @param previewSize the preview's long side
	 * @param autoEdit whether to correct exposure and white balance and sharpen a little
	 * @return the derived files and measurements
	 * @throws IOException when the file cannot be read or decoded
	 */
	public static Result derive(Path original, Branding branding, int webSize, int previewSize, boolean autoEdit)
			throws IOException {
		return derive(PhotoDecoder.standard(), original, branding, webSize, previewSize, autoEdit);
	}

	/**
	 * Derives a photo: decoded once at reduced scale, upright; the web version and the
	 * preview are scaled from that image and watermarked, and the image itself is the
	 * analysis image.
	 * @param decoder the decoder
	 * @param original the photo file
	 * @param branding the event's watermark
	 * @param webSize the web version's long side
	 * @param previewSize the preview's long side
	 * @return the derived files and measurements
	 * @throws IOException when the file cannot be read or decoded
	 */
	static Result derive(PhotoDecoder decoder, Path original, Branding branding, int webSize, int previewSize)
			throws IOException {
		return derive(decoder, original, branding, webSize, previewSize, false);
	}

	/**
	 * Derives a photo, with the event's automatic edit or without it. The edit is
	 * measured on the preview and applied to the web version and the preview only: the
	 * analysis image stays as shot, so that recognition reads the same pixels whatever
	 * the event chose, and the quality figures describe the photo as it was taken.
	 * @param decoder the decoder
	 * @param original the photo file
	 * @param branding the event's watermark
	 * @param webSize the web version's long side
	 * @param previewSize the preview's long side
	 * @param autoEdit whether to correct exposure and white balance and sharpen a little
	 * @return the derived files and measurements
	 * @throws IOException when the file cannot be read or decoded
	 */
	static Result derive(PhotoDecoder decoder, Path original, Branding branding, int webSize, int previewSize,
			boolean autoEdit) throws IOException {
		PhotoDecoder.Exif exif = PhotoDecoder.readExif(original);
		BufferedImage upright = analysisImage(decoder, original, exif, webSize);
		BufferedImage base = Scaling.toFit(upright, webSize);
		BufferedImage preview = Scaling.toFit(base, previewSize);
		PhotoQuality quality = PhotoQuality.of(preview);
		BufferedImage webImage;
		BufferedImage previewImage;
		if (autoEdit) {
			// Corrected into new images: nothing is drawn on the analysis image.
			AutoCorrection correction = AutoCorrection.measure(preview);
			webImage = correction.apply(base, true);
			previewImage = correction.apply(preview, true);
		}
		else {
			webImage = copy(base);
			previewImage = copy(preview);
		}
		byte[] web = JpegEncoder.encode(Watermark.apply(webImage, branding), 0.80f);
		byte[] small = JpegEncoder.encode(Watermark.apply(previewImage, branding), 0.80f);
		return new Result(web, small, upright, quality.sharpness(), quality.exposure(), quality.score(), exif.takenAt(),
				exif.cameraSerial());
	}

	/**
	 * The analysis image of a photo file, exactly as {@link #derive} makes it, encoded as
	 * JPEG q 0.92 (as the pipeline stored it until December 2026), for the evaluation
	 * tools that still read bytes.
	 * @param original the photo file
	 * @param webSize the web version's long side (it sets how finely the photo is
	 * decoded)
	 * @return the JPEG bytes
	 * @throws IOException when the file cannot be read or decoded
	 */
	public static byte[] analysis(Path original, int webSize) throws IOException {
		return JpegEncoder.encode(analysisImage(original, webSize), 0.92f);
	}

	/**
	 * The analysis image of a photo file, exactly as {@link #derive} makes it (same
	 * decoder, same scale), for the evaluation tools.
	 * @param original the photo file
	 * @param webSize the web version's long side (it sets how finely the photo is
	 * decoded)
	 * @return the upright, unwatermarked image, at most {@link #ANALYSIS_SIZE} long
	 * @throws IOException when the file cannot be read or decoded
	 */
	public static BufferedImage analysisImage(Path original, int webSize) throws IOException {
		return analysisImage(PhotoDecoder.standard(), original, webSize);
	}

	/**
	 * The upright, unwatermarked image recognition reads, as {@link #derive} makes it.
	 * @param decoder the decoder
	 * @param original the photo file
	 * @param webSize the web version's long side (it sets how finely the photo is
	 * decoded)
	 * @return the image, at most {@link #ANALYSIS_SIZE} long
	 * @throws IOException when the file cannot be read or decoded
	 */
	static BufferedImage analysisImage(PhotoDecoder decoder, Path original, int webSize) throws IOException {
		return analysisImage(decoder, original, PhotoDecoder.readExif(original), webSize);
	}

	private static BufferedImage analysisImage(PhotoDecoder decoder, Path original, PhotoDecoder.Exif exif, int webSize)
			throws IOException {
		// Decoded with every pixel recognition can use: libjpeg-turbo's scales go by
		// eighths, and "at least 1.5 × the web size" (2,400 px) decoded a 3,000 px photo
		// at 7/8 (2,625 px) where ImageIO kept all 3,000, and each runner's bib lost an
		// eighth of its pixels. A 24 MP photo (6,000 px) is still decoded at 1/2.
		BufferedImage decoded = decoder.decode(original, Math.max(webSize * 1.5, ANALYSIS_KEEPS));
		BufferedImage upright = Orientation.upright(Scaling.toFit(decoded, ANALYSIS_SIZE), exif.orientation());
		if (upright != decoded) {
			decoded.flush();
		}
		return upright;
	}

	/**
	 * Whether {@link #derive} and {@link #analysisImage(Path, int)} decode JPEGs with
	 * libjpeg-turbo on this machine (installed, and not turned off by
	 * {@code -Dfocusracer.photos.native-jpeg=false}), for benchmarks and tools to say.
	 * @return whether they do
	 */
	public static boolean decodesWithLibjpegTurbo() {
		return PhotoDecoder.standard().usesNativeJpeg();
	}

	/**
	 * Decodes a picture held in memory (a selfie), upright and at most {@code longSide}
	 * long, without ever writing it anywhere: ImageIO's disk cache is bypassed.
	 * @param bytes a JPEG or PNG
	 * @param longSide the longest side wanted
	 * @return the picture
	 * @throws IOException when it is not a picture that can be decoded
	 */
	public static BufferedImage uprightInMemory(byte[] bytes, int longSide) throws IOException {
		PhotoDecoder.Exif exif = PhotoDecoder.readExif(bytes);
		BufferedImage decoded;
		try (ImageInputStream input = new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
			decoded = PhotoDecoder.decode(input, Math.ceil(longSide / 1.5) * 1.5);
		}
		BufferedImage upright = Orientation.upright(Scaling.toFit(decoded, longSide), exif.orientation());
		if (upright != decoded) {
			decoded.flush();
		}
		return upright;
	}

	private static BufferedImage copy(BufferedImage image) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return copy;
	}

}

package com.focusracer.photos.internal;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.TimeZone;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;

/**
 * Makes the web version and the preview of a photo: upright (all eight EXIF
 * orientations), in sRGB, scaled, watermarked across the whole image, JPEG with no
 * metadata at all; and measures its sharpness and exposure.
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
	 * @param sharpness variance of the Laplacian of the unwatermarked preview
	 * @param exposure mean luminance, 0–255
	 * @param quality 0–1 combining both
	 * @param takenAt when the camera took it, if the EXIF says
	 */
	public record Result(byte[] web, byte[] preview, byte[] analysis, double sharpness, double exposure, double quality,
			Instant takenAt) {
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

	public static Result derive(Path original, Branding branding, int webSize, int previewSize) throws IOException {
		Exif exif = readExif(original);
		BufferedImage decoded = decode(original, webSize);
		BufferedImage upright = orient(scaleToFit(decoded, ANALYSIS_SIZE), exif.orientation());
		decoded.flush();
		byte[] analysis = jpeg(upright, 0.92f);
		BufferedImage base = scaleToFit(upright, webSize);
		BufferedImage preview = scaleToFit(base, previewSize);
		double[] measures = measure(preview);
		double sharpness = measures[0];
		double exposure = measures[1];
		byte[] web = jpeg(watermark(copy(base), branding), 0.80f);
		byte[] small = jpeg(watermark(copy(preview), branding), 0.80f);
		return new Result(web, small, analysis, sharpness, exposure, quality(sharpness, exposure, measures[2]),
				exif.takenAt());
	}

	/**
	 * The analysis image of a photo file, exactly as {@link #derive} makes it (for the
	 * evaluation tools, which read photos that are not in the application).
	 * @param original the photo file
	 * @param webSize the web version's long side (it sets how finely the photo is
	 * decoded)
	 * @return the JPEG bytes
	 * @throws IOException when the file cannot be read or decoded
	 */
	public static byte[] analysis(Path original, int webSize) throws IOException {
		Exif exif = readExif(original);
		BufferedImage decoded = decode(original, webSize);
		BufferedImage upright = orient(scaleToFit(decoded, ANALYSIS_SIZE), exif.orientation());
		decoded.flush();
		return jpeg(upright, 0.92f);
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
		Exif exif = readExif(() -> new java.io.ByteArrayInputStream(bytes));
		BufferedImage decoded;
		try (ImageInputStream input = new javax.imageio.stream.MemoryCacheImageInputStream(
				new java.io.ByteArrayInputStream(bytes))) {
			decoded = decode(input, (int) Math.ceil(longSide / 1.5));
		}
		BufferedImage upright = orient(scaleToFit(decoded, longSide), exif.orientation());
		if (upright != decoded) {
			decoded.flush();
		}
		return upright;
	}

	private record Exif(int orientation, Instant takenAt) {
	}

	private interface Source {

		InputStream open() throws IOException;

	}

	private static Exif readExif(Path original) {
		return readExif(() -> Files.newInputStream(original));
	}

	private static Exif readExif(Source source) {
		try (InputStream in = source.open()) {
			Metadata metadata = ImageMetadataReader.readMetadata(in);
			int orientation = 1;
			ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
				orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
			}
			Instant takenAt = null;
			ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
			if (sub != null) {
				Date date = sub.getDateOriginal(TimeZone.getTimeZone("Europe/Paris"));
				takenAt = (date != null) ? date.toInstant() : null;
			}
			return new Exif((orientation >= 1 && orientation <= 8) ? orientation : 1, takenAt);
		}
		catch (Exception ex) {
			// Corrupt or absent EXIF: the photo is shown as stored.
			return new Exif(1, null);
		}
	}

	private static BufferedImage decode(Path original, int webSize) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(original.toFile())) {
			return decode(input, webSize);
		}
	}

	private static BufferedImage decode(ImageInputStream input, int webSize) throws IOException {
		Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
		if (!readers.hasNext()) {
			throw new UndecodableException("photo.failure.unreadable", null);
		}
		ImageReader reader = readers.next();
		try {
			reader.setInput(input, true, true);
			// The JPEG decoder only warns about a truncated file and paints the rest
			// grey.
			java.util.List<String> warnings = new java.util.ArrayList<>();
			reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
			int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
			ImageReadParam param = reader.getDefaultReadParam();
			// Decode at about twice the web size: a quarter of the memory of a full
			// decode,
			// and enough pixels for a clean downscale.
			int step = Math.max(1, (int) (longSide / (webSize * 1.5)));
			if (step > 1) {
				param.setSourceSubsampling(step, step, 0, 0);
			}
			BufferedImage image = reader.read(0, param);
			if (warnings.stream().anyMatch((w) -> w.toLowerCase(java.util.Locale.ROOT).contains("premature end"))) {
				throw new UndecodableException("photo.failure.corrupt", null);
			}
			return toRgb(image);
		}
		catch (UndecodableException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new UndecodableException("photo.failure.corrupt", ex);
		}
		finally {
			reader.dispose();
		}
	}

	private static BufferedImage toRgb(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		// Transparent areas of PNGs become white, not black.
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
		g.drawImage(image, 0, 0, null);
		g.dispose();
		image.flush();
		return rgb;
	}

	static BufferedImage scaleToFit(BufferedImage image, int longSide) {
		BufferedImage current = image;
		int width = current.getWidth();
		int height = current.getHeight();
		double scale = (double) longSide / Math.max(width, height);
		if (scale >= 1) {
			return current;
		}
		int targetWidth = Math.max(1, (int) Math.round(width * scale));
		int targetHeight = Math.max(1, (int) Math.round(height * scale));
		// Halve with bilinear filtering until close, then one last step: smooth and fast.
		while (width / 2 >= targetWidth && height / 2 >= targetHeight) {
			width /= 2;
			height /= 2;
			current = resize(current, width, height, current != image);
		}
		if (width != targetWidth || height != targetHeight) {
			current = resize(current, targetWidth, targetHeight, current != image);
		}
		return current;
	}

	private static BufferedImage resize(BufferedImage source, int width, int height, boolean flushSource) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		if (flushSource) {
			source.flush();
		}
		return target;
	}

	/**
	 * Turns the pixels so that the photo stands as the camera meant (EXIF orientation
	 * 1–8).
	 * @param image the stored pixels
	 * @param orientation the EXIF orientation
	 * @return the upright image
	 */
	static BufferedImage orient(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> {
				t.translate(w, 0);
				t.scale(-1, 1);
			}
			case 3 -> {
				t.translate(w, h);
				t.rotate(Math.PI);
			}
			case 4 -> {
				t.translate(0, h);
				t.scale(1, -1);
			}
			case 5 -> {
				t.rotate(Math.PI / 2);
				t.scale(1, -1);
			}
			case 6 -> {
				t.translate(h, 0);
				t.rotate(Math.PI / 2);
			}
			case 7 -> {
				t.scale(-1, 1);
				t.translate(-h, 0);
				t.translate(0, w);
				t.rotate(3 * Math.PI / 2);
			}
			case 8 -> {
				t.translate(0, w);
				t.rotate(3 * Math.PI / 2);
			}
			default -> {
			}
		}
		BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		g.drawImage(image, t, null);
		g.dispose();
		return target;
	}

	private static BufferedImage copy(BufferedImage image) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return copy;
	}

	/**
	 * Tiles the text diagonally across the whole image, so that no crop of the picture
	 * escapes it.
	 * @param image the image, drawn on
	 * @param branding what to draw
	 * @return the image
	 */
	static BufferedImage watermark(BufferedImage image, Branding branding) {
		int w = image.getWidth();
		int h = image.getHeight();
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		int fontSize = Math.max(12, Math.min(w, h) / 14);
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
		g.setFont(font);
		FontMetrics metrics = g.getFontMetrics();
		String text = branding.text();
		int textWidth = Math.max(1, metrics.stringWidth(text));
		int stepX = textWidth + fontSize * 2;
		int stepY = fontSize * 4;
		double diagonal = Math.hypot(w, h);
		AffineTransform saved = g.getTransform();
		g.rotate(-Math.PI / 6, w / 2.0, h / 2.0);
		TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
		g.setStroke(new BasicStroke(Math.max(1f, fontSize / 14f)));
		int row = 0;
		for (double y = h / 2.0 - diagonal; y < h / 2.0 + diagonal; y += stepY, row++) {
			double offset = (row % 2 == 0) ? 0 : stepX / 2.0;
			for (double x = w / 2.0 - diagonal - offset; x < w / 2.0 + diagonal; x += stepX) {
				AffineTransform at = AffineTransform.getTranslateInstance(x, y);
				java.awt.Shape outline = layout.getOutline(at);
				g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.22f));
				g.setColor(Color.BLACK);
				g.draw(outline);
				g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.38f));
				g.setColor(Color.WHITE);
				g.fill(outline);
				if (branding.logo() != null) {
					// The logo sits between two texts of the row, as high as the text.
					int logoHeight = fontSize * 2;
					int logoWidth = Math.max(1, branding.logo().getWidth() * logoHeight / branding.logo().getHeight());
					g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
					g.drawImage(branding.logo(), (int) (x + textWidth + fontSize * 0.2), (int) (y - logoHeight * 0.75),
							Math.min(logoWidth, fontSize * 4), logoHeight, null);
				}
			}
		}
		g.setTransform(saved);
		if (branding.sponsor() != null && !branding.sponsor().isBlank()) {
			int bandHeight = Math.max(16, h / 18);
			g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.75f));
			g.setColor(parse(branding.color()));
			g.fillRect(0, h - bandHeight, w, bandHeight);
			g.setComposite(AlphaComposite.SrcOver);
			g.setColor(Color.WHITE);
			Font small = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, bandHeight * 3 / 5));
			g.setFont(small);
			FontMetrics sm = g.getFontMetrics();
			g.drawString(branding.sponsor(), w - sm.stringWidth(branding.sponsor()) - bandHeight / 2,
					h - (bandHeight - sm.getAscent()) / 2 - sm.getDescent() / 2);
		}
		g.dispose();
		return image;
	}

	private static Color parse(String color) {
		try {
			return (color != null) ? Color.decode(color) : new Color(0x1D2330);
		}
		catch (NumberFormatException ex) {
			return new Color(0x1D2330);
		}
	}

	/**
	 * Sharpness (variance of the Laplacian of the luminance), mean luminance, and the
	 * share of clipped pixels.
	 * @param image the image
	 * @return {sharpness, exposure, clipped}
	 */
	static double[] measure(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		double[] luma = new double[w * h];
		double sum = 0;
		int clipped = 0;
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			double y = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
			luma[i] = y;
			sum += y;
			if (y < 4 || y > 251) {
				clipped++;
			}
		}
		double mean = sum / luma.length;
		double lapSum = 0;
		double lapSq = 0;
		int n = 0;
		for (int y = 1; y < h - 1; y++) {
			for (int x = 1; x < w - 1; x++) {
				int i = y * w + x;
				double lap = luma[i - w] + luma[i + w] + luma[i - 1] + luma[i + 1] - 4 * luma[i];
				lapSum += lap;
				lapSq += lap * lap;
				n++;
			}
		}
		double variance = (n > 0) ? lapSq / n - (lapSum / n) * (lapSum / n) : 0;
		return new double[] { variance, mean, (double) clipped / luma.length };
	}

	static double quality(double sharpness, double exposure, double clipped) {
		double sharp = Math.min(1.0, sharpness / 300.0);
		double exposed = 1.0 - Math.min(1.0, Math.abs(exposure - 118) / 118.0);
		double notClipped = 1.0 - Math.min(1.0, clipped * 4);
		return Math.round((0.6 * sharp + 0.25 * exposed + 0.15 * notClipped) * 1000) / 1000.0;
	}

	private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
			// No metadata is passed: the file carries no EXIF, GPS, serial number or
			// comment.
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}

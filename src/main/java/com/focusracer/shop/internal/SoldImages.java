package com.focusracer.shop.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.focusracer.photos.AnalysisImages;
import com.focusracer.photos.PhotoEnhancement;

/**
 * The versions of a photo sold other than the original: the web resolution (1,600 px, no
 * watermark) and the sponsor-framed photo of free sponsored events.
 */
public final class SoldImages {

	/** The long side of the web resolution. */
	public static final int WEB_SIZE = 1600;

	private static final int FULL_SIZE = 6000;

	private SoldImages() {
	}

	/**
	 * The photo upright at 1,600 px, without watermark.
	 * @param original the original file
	 * @return a JPEG
	 * @throws IOException when it cannot be decoded
	 */
	public static byte[] web(byte[] original) throws IOException {
		return web(original, false);
	}

	/**
	 * The photo upright at 1,600 px, without watermark, as shot or with the event's
	 * automatic edit.
	 * @param original the original file
	 * @param enhanced whether to apply the automatic edit
	 * @return a JPEG
	 * @throws IOException when it cannot be decoded
	 */
	public static byte[] web(byte[] original, boolean enhanced) throws IOException {
		return jpeg(edited(AnalysisImages.uprightInMemory(original, WEB_SIZE), enhanced));
	}

	/**
	 * The photo upright at full size with the event's automatic edit: the "enhanced"
	 * choice beside the original as shot.
	 * @param original the original file
	 * @return a JPEG, quality 0.92
	 * @throws IOException when it cannot be decoded
	 */
	public static byte[] enhancedOriginal(byte[] original) throws IOException {
		return jpeg(edited(AnalysisImages.uprightInMemory(original, FULL_SIZE), true));
	}

	/**
	 * The photo upright, with a band in the brand colour along its foot that carries the
	 * sponsor's line.
	 * @param original the original file
	 * @param text the sponsor's line
	 * @param colour the band's colour, {@code #RRGGBB}
	 * @return a JPEG
	 * @throws IOException when it cannot be decoded
	 */
	public static byte[] framed(byte[] original, String text, String colour) throws IOException {
		return framed(original, text, colour, false);
	}

	/**
	 * The sponsor-framed photo, as shot or with the event's automatic edit.
	 * @param original the original file
	 * @param text the sponsor's line
	 * @param colour the band's colour, {@code #RRGGBB}
	 * @param enhanced whether to apply the automatic edit
	 * @return a JPEG
	 * @throws IOException when it cannot be decoded
	 */
	public static byte[] framed(byte[] original, String text, String colour, boolean enhanced) throws IOException {
		BufferedImage photo = edited(AnalysisImages.uprightInMemory(original, FULL_SIZE), enhanced);
		int band = Math.max(40, photo.getHeight() / 14);
		BufferedImage framed = new BufferedImage(photo.getWidth(), photo.getHeight() + band,
				BufferedImage.TYPE_INT_RGB);
		Graphics2D g = framed.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.drawImage(photo, 0, 0, null);
			g.setColor(decode(colour));
			g.fillRect(0, photo.getHeight(), photo.getWidth(), band);
			g.setColor(Color.WHITE);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, band / 2));
			FontMetrics metrics = g.getFontMetrics();
			g.drawString(text, Math.max(band / 3, (photo.getWidth() - metrics.stringWidth(text)) / 2),
					photo.getHeight() + (band + metrics.getAscent() - metrics.getDescent()) / 2);
		}
		finally {
			g.dispose();
		}
		return jpeg(framed);
	}

	private static Color decode(String colour) {
		try {
			return Color.decode(colour);
		}
		catch (RuntimeException ex) {
			return new Color(0x1f3a5f);
		}
	}

	private static BufferedImage edited(BufferedImage photo, boolean enhanced) {
		return enhanced ? PhotoEnhancement.enhanced(photo) : photo;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		if (image.getType() != BufferedImage.TYPE_INT_RGB) {
			BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			Graphics2D g = rgb.createGraphics();
			g.drawImage(image, 0, 0, null);
			g.dispose();
			image = rgb;
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.92f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}

package com.focusracer.photos;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Photo fixtures made on the fly: realistic-enough race scenes as JPEG or PNG, with the
 * EXIF orientation of one's choice.
 */
public final class Photos {

	private Photos() {
	}

	/**
	 * A landscape scene with a runner-like shape and a bib, with texture so that it
	 * compresses like a photo.
	 * @param width the width
	 * @param height the height
	 * @return the image
	 */
	public static BufferedImage aFinishLineScene(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(120, 170, 220), 0, height, new Color(70, 110, 60)));
		g.fillRect(0, 0, width, height);
		Random random = new Random(width * 31L + height);
		for (int i = 0; i < 400; i++) {
			g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
			g.fillOval(random.nextInt(width), random.nextInt(height), 4 + random.nextInt(width / 20 + 1),
					4 + random.nextInt(height / 20 + 1));
		}
		g.setColor(new Color(200, 40, 40));
		g.fillRect(width / 3, height / 4, width / 6, height / 2);
		g.setColor(Color.WHITE);
		g.fillRect(width / 3 + width / 48, height / 3, width / 8, height / 8);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 14)));
		g.drawString("1975", width / 3 + width / 40, height / 3 + height / 11);
		g.dispose();
		return image;
	}

	/**
	 * A runner in a coloured shirt wearing a bib, on a textured background; the same seed
	 * gives the same background (frames of one burst).
	 * @param width the width
	 * @param height the height
	 * @param bib the number printed on the bib, or {@code null} for a bib hidden by an
	 * arm
	 * @param shirt the shirt's colour
	 * @param seed the background's seed
	 * @return the image
	 */
	public static BufferedImage aRunner(int width, int height, String bib, Color shirt, long seed) {
		return com.focusracer.photos.internal.DrawnRunner.draw(width, height, bib, shirt, seed);
	}

	/**
	 * Inserts an EXIF block with the moment the photo was taken (DateTimeOriginal).
	 * @param jpeg a JPEG without EXIF
	 * @param takenAt the camera's local time
	 * @return the JPEG with EXIF
	 */
	public static byte[] withExifDate(byte[] jpeg, java.time.LocalDateTime takenAt) {
		byte[] date = (takenAt.format(java.time.format.DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0")
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		// IFD0: one entry, the Exif sub-IFD pointer; the sub-IFD: DateTimeOriginal.
		int subIfd = 8 + 2 + 12 + 4;
		int dateOffset = subIfd + 2 + 12 + 4;
		ByteBuffer tiff = ByteBuffer.allocate(dateOffset + date.length).order(ByteOrder.BIG_ENDIAN);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(subIfd);
		tiff.putInt(0);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x9003).putShort((short) 2).putInt(date.length).putInt(dateOffset);
		tiff.putInt(0);
		tiff.put(date);
		return withExif(jpeg, tiff.array());
	}

	public static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	public static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	public static byte[] aFinishLinePhoto() throws IOException {
		return jpeg(aFinishLineScene(1200, 800));
	}

	/**
	 * Inserts an EXIF block with an orientation tag (and a GPS-like maker string) right
	 * after the JPEG's SOI marker.
	 * @param jpeg a JPEG without EXIF
	 * @param orientation 1–8
	 * @return the JPEG with EXIF
	 */
	public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 16).order(ByteOrder.BIG_ENDIAN);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		tiff.putShort((short) 2);
		// Orientation (0x0112), SHORT, 1 value.
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		// Make (0x010F), ASCII, pointing to a string after the IFD.
		int makeOffset = 8 + 2 + 2 * 12 + 4;
		tiff.putShort((short) 0x010F).putShort((short) 2).putInt(16).putInt(makeOffset);
		tiff.putInt(0);
		tiff.put("SECRET-SERIAL-9\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return withExif(jpeg, tiff.array());
	}

	/**
	 * A progressive JPEG, as some cameras and editors save them.
	 * @return the file's bytes
	 * @throws IOException never in practice
	 */
	public static byte[] aProgressiveJpeg() throws IOException {
		javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
		param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new javax.imageio.IIOImage(aFinishLineScene(1400, 900), null, null), param);
		}
		writer.dispose();
		return out.toByteArray();
	}

	/**
	 * A PNG with a transparent background.
	 * @return the file's bytes
	 * @throws IOException never in practice
	 */
	public static byte[] aPngWithAlpha() throws IOException {
		BufferedImage image = new BufferedImage(900, 600, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.drawImage(aFinishLineScene(600, 400), 150, 100, null);
		g.dispose();
		return png(image);
	}

	/**
	 * A 16-bit-per-channel PNG.
	 * @return the file's bytes
	 * @throws IOException never in practice
	 */
	public static byte[] a16BitPng() throws IOException {
		java.awt.color.ColorSpace space = java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB);
		java.awt.image.ComponentColorModel model = new java.awt.image.ComponentColorModel(space, false, false,
				java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
		java.awt.image.WritableRaster raster = model.createCompatibleWritableRaster(800, 500);
		BufferedImage image = new BufferedImage(model, raster, false, null);
		Graphics2D g = image.createGraphics();
		g.drawImage(aFinishLineScene(800, 500), 0, 0, null);
		g.dispose();
		return png(image);
	}

	/**
	 * A JPEG whose EXIF block is garbage after a valid header.
	 * @return the file's bytes
	 * @throws IOException never in practice
	 */
	public static byte[] aJpegWithCorruptExif() throws IOException {
		return withApp1(jpeg(aFinishLineScene(1200, 800)),
				"Exif\0\0MM\0*\0\0\0\u0008\u00ff\u00ff garbage".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
	}

	/**
	 * A JPEG carrying an almost-maximal (64 KB) EXIF block.
	 * @return the file's bytes
	 * @throws IOException never in practice
	 */
	public static byte[] aJpegWithHugeExif() throws IOException {
		byte[] payload = new byte[65_000];
		new Random(7).nextBytes(payload);
		System.arraycopy(new byte[] { 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0 }, 0, payload, 0, 14);
		return withApp1(jpeg(aFinishLineScene(1200, 800)), payload);
	}

	/**
	 * A small finish-line photo made large by comment segments of random bytes, which
	 * decoders skip: a file of several chunks that costs no more to decode than a small
	 * one.
	 * @param atLeast the fewest bytes it has
	 * @return the file's bytes
	 * @throws IOException never in practice
	 */
	public static byte[] aLargeJpeg(int atLeast) throws IOException {
		byte[] jpeg = jpeg(aFinishLineScene(1200, 800));
		int segment = 65_000;
		int count = Math.max(0, (atLeast - jpeg.length + segment + 3) / (segment + 4));
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + count * (segment + 4));
		out.put(jpeg, 0, 2);
		Random random = new Random(atLeast);
		byte[] payload = new byte[segment];
		for (int i = 0; i < count; i++) {
			random.nextBytes(payload);
			out.put((byte) 0xFF).put((byte) 0xFE).putShort((short) (segment + 2)).put(payload);
		}
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	/** An EXIF APP1 segment (header + TIFF structure) right after the SOI marker. */
	private static byte[] withExif(byte[] jpeg, byte[] tiff) {
		byte[] exifHeader = { 'E', 'x', 'i', 'f', 0, 0 };
		return withApp1(jpeg, ByteBuffer.allocate(exifHeader.length + tiff.length).put(exifHeader).put(tiff).array());
	}

	private static byte[] withApp1(byte[] jpeg, byte[] payload) {
		int length = payload.length + 2;
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
		out.put(jpeg, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(payload);
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	/**
	 * A CMYK JPEG as Photoshop saves them (Adobe marker, inverted values): cyan on the
	 * left half, red (magenta + yellow) on the right.
	 * @return the file's bytes
	 * @throws IOException never in practice
	 */
	public static byte[] aCmykJpeg() throws IOException {
		int width = 1200;
		int height = 800;
		java.awt.image.WritableRaster raster = java.awt.image.Raster
			.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				boolean left = x < width / 2;
				raster.setSample(x, y, 0, left ? 0 : 255);
				raster.setSample(x, y, 1, left ? 255 : 0);
				raster.setSample(x, y, 2, left ? 255 : 0);
				raster.setSample(x, y, 3, 255);
			}
		}
		javax.imageio.ImageWriter writer = null;
		for (java.util.Iterator<javax.imageio.ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it
			.hasNext();) {
			javax.imageio.ImageWriter candidate = it.next();
			if (writer == null || candidate.getClass().getName().startsWith("com.sun")) {
				writer = candidate;
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new javax.imageio.IIOImage(raster, null, null), null);
		}
		writer.dispose();
		byte[] jpeg = out.toByteArray();
		byte[] adobe = { (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0 };
		ByteBuffer file = ByteBuffer.allocate(jpeg.length + adobe.length);
		file.put(jpeg, 0, 2).put(adobe).put(jpeg, 2, jpeg.length - 2);
		return file.array();
	}

	/**
	 * A greyscale JPEG (one channel), as some scanners and black-and-white camera modes
	 * save them.
	 * @return the file's bytes
	 * @throws IOException never in practice
	 */
	public static byte[] aGreyscaleJpeg() throws IOException {
		BufferedImage grey = new BufferedImage(1200, 800, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = grey.createGraphics();
		g.drawImage(aFinishLineScene(1200, 800), 0, 0, null);
		g.dispose();
		return jpeg(grey);
	}

	/**
	 * Embeds a colour profile in a JPEG (an APP2 {@code ICC_PROFILE} segment right after
	 * the SOI marker), as cameras set to Adobe RGB and phones (Display P3) do.
	 * @param jpeg a JPEG without a profile
	 * @param profile the profile's bytes, under 64 kB
	 * @return the JPEG with the profile
	 */
	public static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
		byte[] signature = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		int length = 2 + signature.length + 2 + profile.length;
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
		out.put(jpeg, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE2).putShort((short) length).put(signature).put((byte) 1).put((byte) 1);
		out.put(profile);
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	/**
	 * The start of a baseline JPEG whose frame header declares the given size, and no
	 * pixels.
	 */
	public static byte[] aJpegHeaderClaiming(int width, int height) {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (height >> 8),
				(byte) height, (byte) (width >> 8), (byte) width, 1, 1, 0x11, 0, (byte) 0xFF, (byte) 0xD9 };
	}

	/**
	 * A PNG signature and IHDR chunk declaring the given size (valid CRC), and no pixels.
	 */
	public static byte[] aPngHeaderClaiming(int width, int height) {
		java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
			.putInt(width)
			.putInt(height)
			.put((byte) 8)
			.put((byte) 2)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(ihdr.array());
		java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })
			.putInt(13)
			.put(ihdr.array())
			.putInt((int) crc.getValue());
		return png.array();
	}

}

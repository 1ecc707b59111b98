package com.focusracer.shared.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads what a file claims to be from its header alone, before any pixel is decoded, so
 * that a pixel flood or a disguised file is refused without costing memory. Photos (the
 * pipeline) and event images (logo, cover) both go through it.
 */
public final class ImageInspector {

	private ImageInspector() {
	}

	/**
	 * What the header says.
	 *
	 * @param format {@code JPEG} or {@code PNG}
	 * @param width the width in pixels
	 * @param height the height in pixels
	 */
	public record Header(String format, int width, int height) {

		public long pixels() {
			return (long) this.width * this.height;
		}

		public int longestSide() {
			return Math.max(this.width, this.height);
		}

	}

	/**
	 * Reads the header of a file.
	 * @param file the file
	 * @return the header
	 * @throws UnsupportedImageException when the file is not a JPEG or PNG, or its header
	 * is unreadable
	 * @throws IOException when the file cannot be read
	 */
	public static Header inspect(Path file) throws IOException {
		byte[] magic = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(magic, 0, magic.length);
		}
		String format = sniff(magic, read);
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			return header(format, input);
		}
	}

	/**
	 * Reads the header of an image held in memory.
	 * @param bytes the image
	 * @return the header
	 * @throws UnsupportedImageException when the bytes are not a JPEG or PNG, or their
	 * header is unreadable
	 */
	public static Header inspect(byte[] bytes) throws UnsupportedImageException {
		String format = sniff(bytes, Math.min(bytes.length, 8));
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			return header(format, input);
		}
		catch (UnsupportedImageException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new UnsupportedImageException("upload.unreadableHeader");
		}
	}

	/**
	 * A reader for a format {@link #inspect} accepted.
	 * @param header what inspect found
	 * @return a reader, to be disposed of by the caller
	 * @throws UnsupportedImageException when no reader is installed for it
	 */
	public static ImageReader readerFor(Header header) throws UnsupportedImageException {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(header.format());
		if (!readers.hasNext()) {
			throw new UnsupportedImageException("upload.unsupported");
		}
		return readers.next();
	}

	private static Header header(String format, ImageInputStream input) throws IOException {
		if (input == null) {
			throw new UnsupportedImageException("upload.unreadableHeader");
		}
		ImageReader reader = readerFor(new Header(format, 0, 0));
		try {
			reader.setInput(input, true, true);
			return new Header(format, reader.getWidth(0), reader.getHeight(0));
		}
		catch (IOException | RuntimeException ex) {
			throw new UnsupportedImageException("upload.unreadableHeader");
		}
		finally {
			reader.dispose();
		}
	}

	private static String sniff(byte[] magic, int read) throws UnsupportedImageException {
		if (read <= 0) {
			throw new UnsupportedImageException("upload.empty");
		}
		if (read >= 3 && (magic[0] & 0xFF) == 0xFF && (magic[1] & 0xFF) == 0xD8 && (magic[2] & 0xFF) == 0xFF) {
			return "JPEG";
		}
		if (read >= 8 && (magic[0] & 0xFF) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G'
				&& magic[4] == 0x0D && magic[5] == 0x0A && magic[6] == 0x1A && magic[7] == 0x0A) {
			return "PNG";
		}
		throw new UnsupportedImageException("upload.unsupported");
	}

	/**
	 * A file that is not an image we accept; the key names the message that says why.
	 */
	public static class UnsupportedImageException extends IOException {

		private final String messageKey;

		public UnsupportedImageException(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

}

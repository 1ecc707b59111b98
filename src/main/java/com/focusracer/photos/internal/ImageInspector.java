package com.focusracer.photos.internal;

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
 * that a pixel flood or a disguised file is refused without costing memory.
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

	}

	/**
	 * Reads the header.
	 * @param file the file
	 * @return the header
	 * @throws UnsupportedImageException when the file is not a JPEG or PNG, or its header
	 * is unreadable
	 */
	public static Header inspect(Path file) throws IOException {
		String format = sniff(file);
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (!readers.hasNext()) {
				throw new UnsupportedImageException("upload.unsupported");
			}
			ImageReader reader = readers.next();
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
	}

	private static String sniff(Path file) throws IOException {
		byte[] magic = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(magic, 0, magic.length);
		}
		if (read == 0) {
			throw new UnsupportedImageException("upload.empty");
		}
		if (read >= 3 && (magic[0] & 0xFF) == 0xFF && (magic[1] & 0xFF) == 0xD8 && (magic[2] & 0xFF) == 0xFF) {
			return "JPEG";
		}
		if (read == 8 && (magic[0] & 0xFF) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G'
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

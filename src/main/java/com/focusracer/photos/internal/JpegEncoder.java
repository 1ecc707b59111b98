package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes the JPEGs that leave the platform: an original's EXIF carries the camera's
 * serial number, sometimes GPS, and a buyer's photo must not carry the photographer's
 * metadata onto the public gallery, so nothing but the pixels is written.
 */
final class JpegEncoder {

	private JpegEncoder() {
	}

	/**
	 * Encodes an image, baseline, without any metadata.
	 * @param image an RGB image
	 * @param quality 0–1
	 * @return the JPEG bytes
	 * @throws IOException when the encoder fails
	 */
	static byte[] encode(BufferedImage image, float quality) throws IOException {
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

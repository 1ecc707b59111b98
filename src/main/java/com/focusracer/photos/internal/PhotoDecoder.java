package com.focusracer.photos.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decoding a 24 MP original is most of what deriving a photo costs, and the pipeline
 * never needs more than about half its resolution: so a photo is decoded once, only as
 * finely as the largest image made from it needs, into RGB whatever its colour model
 * (CMYK, grey, 16-bit, alpha), and a file the decoder cannot read is reported with the
 * reason a photographer can act on.
 */
final class PhotoDecoder {

	private static final Logger log = LoggerFactory.getLogger(PhotoDecoder.class);

	/**
	 * The system property that turns libjpeg-turbo off ({@code false}), also read as the
	 * {@code focusracer.photos.native-jpeg} setting.
	 */
	static final String NATIVE_JPEG_PROPERTY = "focusracer.photos.native-jpeg";

	private static final PhotoDecoder STANDARD = new PhotoDecoder(
			!"false".equalsIgnoreCase(System.getProperty(NATIVE_JPEG_PROPERTY, "true").trim()));

	private final boolean nativeJpeg;

	/**
	 * A decoder.
	 * @param nativeJpeg whether to decode JPEGs with libjpeg-turbo where the machine has
	 * it ({@code false}: always ImageIO)
	 */
	PhotoDecoder(boolean nativeJpeg) {
		this.nativeJpeg = nativeJpeg;
	}

	/**
	 * The decoder the {@code -Dfocusracer.photos.native-jpeg} system property asks for:
	 * libjpeg-turbo unless it is {@code false}.
	 * @return the decoder
	 */
	static PhotoDecoder standard() {
		return STANDARD;
	}

	/**
	 * Whether this decoder would use libjpeg-turbo for a JPEG (it is asked for and
	 * installed).
	 * @return whether it is the native decoder
	 */
	boolean usesNativeJpeg() {
		return this.nativeJpeg && TurboJpeg.available();
	}

	/**
	 * What the camera noted about the photo.
	 *
	 * @param orientation how the camera was held, EXIF 1–8 (1 when unknown)
	 * @param takenAt when the camera took it, {@code null} when unknown
	 * @param cameraSerial the camera body's serial number, {@code null} when unknown
	 */
	record Exif(int orientation, Instant takenAt, String cameraSerial) {
	}

	private interface Source {

		InputStream open() throws IOException;

	}

	static Exif readExif(Path file) {
		return readExif(() -> Files.newInputStream(file));
	}

	static Exif readExif(byte[] bytes) {
		return readExif(() -> new ByteArrayInputStream(bytes));
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
			String serial = null;
			ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
			if (sub != null) {
				Date date = sub.getDateOriginal(TimeZone.getTimeZone("Europe/Paris"));
				takenAt = (date != null) ? date.toInstant() : null;
				String body = sub.getString(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER);
				// Clock offsets are estimated per camera: two bodies of one
				// photographer drift apart.
				serial = (body != null && !body.isBlank() && body.strip().length() <= 64) ? body.strip() : null;
			}
			return new Exif((orientation >= 1 && orientation <= 8) ? orientation : 1, takenAt, serial);
		}
		catch (Exception ex) {
			// Corrupt or absent EXIF: the photo is shown as stored.
			return new Exif(1, null, null);
		}
	}

	/**
	 * Decodes a photo file, as stored (not yet upright): a JPEG with libjpeg-turbo at the
	 * smallest DCT scale that keeps {@code minLongSide}, anything else (and the JPEGs it
	 * declines: CMYK, a colour profile other than sRGB, a header it refuses) with
	 * ImageIO, keeping every n-th pixel.
	 * @param file the photo
	 * @param minLongSide the long side the decoded image should at least have (it is
	 * smaller only when the photo is)
	 * @return a TYPE_INT_RGB image
	 * @throws Derivatives.UndecodableException when the file is not a photo or is damaged
	 * @throws IOException when the file cannot be read
	 */
	BufferedImage decode(Path file, double minLongSide) throws IOException {
		if (this.nativeJpeg && TurboJpeg.available()) {
			TurboJpeg.Outcome outcome = TurboJpeg.decode(file, minLongSide);
			if (outcome.image() != null) {
				return outcome.image();
			}
			log.debug("libjpeg-turbo declined {} ({}): decoding with ImageIO", file.getFileName(), outcome.declined());
		}
		return decodeWithImageIO(file, minLongSide);
	}

	static BufferedImage decodeWithImageIO(Path file, double minLongSide) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			return decode(input, minLongSide);
		}
	}

	/**
	 * Decodes a photo from a stream, as stored (not yet upright).
	 * @param input the stream
	 * @param minLongSide the long side the decoded image should at least have
	 * @return an RGB image
	 * @throws IOException when it is not a photo that can be decoded
	 */
	static BufferedImage decode(ImageInputStream input, double minLongSide) throws IOException {
		Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
		if (!readers.hasNext()) {
			throw new Derivatives.UndecodableException("photo.failure.unreadable", null);
		}
		ImageReader reader = readers.next();
		try {
			reader.setInput(input, true, true);
			// The JPEG decoder only warns about a truncated file and paints the rest
			// grey.
			List<String> warnings = new ArrayList<>();
			reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
			int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
			ImageReadParam param = reader.getDefaultReadParam();
			// Keeping every n-th pixel: a fraction of the memory of a full decode, and
			// enough pixels for a clean downscale.
			int step = Math.max(1, (int) (longSide / minLongSide));
			if (step > 1) {
				param.setSourceSubsampling(step, step, 0, 0);
			}
			BufferedImage image = reader.read(0, param);
			if (warnings.stream().anyMatch(PhotoDecoder::isTruncation)) {
				throw new Derivatives.UndecodableException("photo.failure.corrupt", null);
			}
			return toRgb(image);
		}
		catch (Derivatives.UndecodableException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new Derivatives.UndecodableException("photo.failure.corrupt", ex);
		}
		finally {
			reader.dispose();
		}
	}

	static boolean isTruncation(String warning) {
		return warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end");
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

}

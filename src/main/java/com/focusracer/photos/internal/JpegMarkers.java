package com.focusracer.photos.internal;

import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * libjpeg-turbo decodes the pixels but neither applies a colour profile nor tells a
 * truncated file from one with a harmless glitch once an earlier warning was raised: the
 * few facts needed to decide that are read here from the file's markers, before the first
 * scan (and its end, on the warning path only).
 */
final class JpegMarkers {

	private static final byte[] ICC_SIGNATURE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

	private JpegMarkers() {
	}

	/**
	 * What the markers before the image data say.
	 *
	 * @param iccDescription the embedded colour profile's description ({@code "sRGB
	 * IEC61966-2.1"}), {@code ""} for a profile without one or that cannot be read,
	 * {@code null} without a profile
	 * @param firstScan where the first scan starts, -1 when none was found
	 */
	record Header(String iccDescription, int firstScan) {
	}

	/**
	 * Reads the markers of a JPEG up to its first scan.
	 * @param jpeg the whole file, from position 0
	 * @return what they say
	 */
	static Header read(ByteBuffer file) {
		// JPEG's numbers are big-endian, whatever order the buffer came with.
		ByteBuffer jpeg = file.duplicate().order(ByteOrder.BIG_ENDIAN);
		Map<Integer, byte[]> iccChunks = new TreeMap<>();
		int pos = 2;
		int limit = jpeg.limit();
		int firstScan = -1;
		while (pos + 4 <= limit) {
			if ((jpeg.get(pos) & 0xFF) != 0xFF) {
				break;
			}
			int marker = jpeg.get(pos + 1) & 0xFF;
			if (marker == 0xFF) {
				pos++;
				continue;
			}
			if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				pos += 2;
				continue;
			}
			if (marker == 0xDA) {
				firstScan = pos;
				break;
			}
			int length = jpeg.getShort(pos + 2) & 0xFFFF;
			if (length < 2 || pos + 2 + length > limit) {
				break;
			}
			if (marker == 0xE2 && length >= 2 + ICC_SIGNATURE.length + 2 && startsWith(jpeg, pos + 4, ICC_SIGNATURE)) {
				int sequence = jpeg.get(pos + 4 + ICC_SIGNATURE.length) & 0xFF;
				int dataStart = pos + 4 + ICC_SIGNATURE.length + 2;
				byte[] chunk = new byte[pos + 2 + length - dataStart];
				jpeg.get(dataStart, chunk);
				iccChunks.put(sequence, chunk);
			}
			pos += 2 + length;
		}
		return new Header(iccChunks.isEmpty() ? null : description(iccChunks), firstScan);
	}

	/**
	 * Whether the file ends with an end-of-image marker after its first scan, as a whole
	 * file does (trailing bytes some cameras add after it are allowed); a truncated one
	 * stops in the middle of its image data.
	 * @param jpeg the whole file
	 * @param firstScan where the first scan starts
	 * @return whether it is whole
	 */
	static boolean endsAfter(ByteBuffer jpeg, int firstScan) {
		// Inside the image data, 0xFF is always followed by 0x00 or a restart marker:
		// the last 0xFF 0xD9 of the file is the end of the image, never an embedded
		// thumbnail's when it follows the first scan.
		for (int i = jpeg.limit() - 2; i > firstScan; i--) {
			if ((jpeg.get(i) & 0xFF) == 0xFF && (jpeg.get(i + 1) & 0xFF) == 0xD9) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(ByteBuffer buffer, int at, byte[] prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if (buffer.get(at + i) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String description(Map<Integer, byte[]> chunks) {
		ByteArrayOutputStream profile = new ByteArrayOutputStream();
		chunks.values().forEach(profile::writeBytes);
		try {
			byte[] desc = ICC_Profile.getInstance(profile.toByteArray())
				.getData(ICC_Profile.icSigProfileDescriptionTag);
			return (desc != null) ? text(ByteBuffer.wrap(desc)) : "";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	/**
	 * The text of an ICC v2 {@code desc} (ASCII) or v4 {@code mluc} (UTF-16, first
	 * record) tag.
	 */
	private static String text(ByteBuffer tag) {
		String type = new String(tag.array(), 0, 4, StandardCharsets.US_ASCII);
		if ("desc".equals(type) && tag.limit() >= 12) {
			int count = tag.getInt(8);
			int length = Math.max(0, Math.min(count, tag.limit() - 12));
			return new String(tag.array(), 12, length, StandardCharsets.US_ASCII).replace("\0", "").trim();
		}
		if ("mluc".equals(type) && tag.limit() >= 28 && tag.getInt(8) > 0) {
			int length = tag.getInt(20);
			int offset = tag.getInt(24);
			if (offset >= 0 && length >= 0 && offset + length <= tag.limit()) {
				return new String(tag.array(), offset, length, StandardCharsets.UTF_16BE).replace("\0", "").trim();
			}
		}
		return "";
	}

}

package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ImageIO's JPEG reader decodes every block of a 24 MP original at full size and only
 * then keeps every second pixel; libjpeg-turbo's own API scales in the DCT domain (a 1/2
 * decode runs a quarter of the inverse transforms and converts a quarter of the pixels)
 * straight into the raster the pipeline uses. It is the system's library (Debian
 * {@code libturbojpeg0}, TurboJPEG 2.1 API) called through JNA, loaded on first use; a
 * machine without it decodes with ImageIO as before.
 */
final class TurboJpeg {

	private static final Logger log = LoggerFactory.getLogger(TurboJpeg.class);

	/** Where Debian and Ubuntu put it; the plain name covers other layouts. */
	private static final List<String> LIBRARY_NAMES = List.of("turbojpeg", "libturbojpeg.so.0",
			"/lib/x86_64-linux-gnu/libturbojpeg.so.0", "/usr/lib/x86_64-linux-gnu/libturbojpeg.so.0",
			"/usr/lib/aarch64-linux-gnu/libturbojpeg.so.0");

	private static final int TJCS_CMYK = 3;

	private static final int TJCS_YCCK = 4;

	private static final int TJERR_FATAL = 1;

	private static final int TJPF_BGRX = 3;

	private static final int TJPF_XRGB = 5;

	/** The byte order of TYPE_INT_RGB's ints in memory: B, G, R, X on little-endian. */
	private static final int PIXEL_FORMAT = (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) ? TJPF_BGRX
			: TJPF_XRGB;

	private TurboJpeg() {
	}

	/**
	 * The TurboJPEG 2.1 functions used, as the C header declares them ({@code tjhandle}
	 * is a pointer, {@code unsigned long} a native long).
	 */
	interface Api extends Library {

		Pointer tjInitDecompress();

		int tjDecompressHeader3(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, IntByReference width,
				IntByReference height, IntByReference jpegSubsamp, IntByReference jpegColorspace);

		Pointer tjGetScalingFactors(IntByReference numScalingFactors);

		int tjDecompress2(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, Pointer dstBuf, int width, int pitch,
				int height, int pixelFormat, int flags);

		String tjGetErrorStr2(Pointer handle);

		int tjGetErrorCode(Pointer handle);

		int tjDestroy(Pointer handle);

	}

	/** A scaling factor libjpeg-turbo offers, {@code num/denom}. */
	record Factor(int num, int denom) {

		int scaled(int dimension) {
			return (dimension * this.num + this.denom - 1) / this.denom;
		}

	}

	/**
	 * Loaded once, on first use, so that a machine without the library pays nothing and
	 * says so once.
	 */
	private static final class Loaded {

		static final Api API = load(LIBRARY_NAMES);

		static final List<Factor> FACTORS = (API != null) ? factors(API) : List.of();

	}

	/**
	 * Loads the library under the first name that works.
	 * @param names the names to try, plain ({@code turbojpeg}) or paths
	 * @return the functions, {@code null} (said at INFO) when none loads
	 */
	static Api load(List<String> names) {
		Throwable last = null;
		for (String name : names) {
			try {
				Api api = Native.load(name, Api.class);
				log.debug("libjpeg-turbo loaded as {}", name);
				return api;
			}
			catch (LinkageError | RuntimeException ex) {
				// Not under this name, or JNA itself cannot load on this machine.
				last = ex;
			}
		}
		log.info("libjpeg-turbo (libturbojpeg.so.0) not found, photos are decoded with ImageIO, slower: install "
				+ "Debian's libturbojpeg0 ({})", firstLine(last));
		return null;
	}

	private static String firstLine(Throwable failure) {
		String message = (failure != null) ? failure.getMessage() : null;
		return (message != null) ? message.lines().findFirst().orElse("") : "no library name";
	}

	private static List<Factor> factors(Api api) {
		IntByReference count = new IntByReference();
		Pointer array = api.tjGetScalingFactors(count);
		if (array == null) {
			return List.of(new Factor(1, 1));
		}
		List<Factor> factors = new java.util.ArrayList<>();
		for (int i = 0; i < count.getValue(); i++) {
			int num = array.getInt(i * 8L);
			int denom = array.getInt(i * 8L + 4);
			// Only reductions: the decoded image is never larger than the photo.
			if (num > 0 && denom > 0 && num <= denom) {
				factors.add(new Factor(num, denom));
			}
		}
		return factors.isEmpty() ? List.of(new Factor(1, 1)) : List.copyOf(factors);
	}

	/**
	 * Whether the library is on this machine (loads it on the first call).
	 * @return whether {@link #decode} can be used
	 */
	static boolean available() {
		return Loaded.API != null;
	}

	/**
	 * The smallest reduction whose result still has a long side of at least
	 * {@code minLongSide} (or the full size when the photo is smaller).
	 * @param factors the offered factors
	 * @param width the photo's width
	 * @param height the photo's height
	 * @param minLongSide the long side wanted at least
	 * @return the factor
	 */
	static Factor smallestAtLeast(List<Factor> factors, int width, int height, double minLongSide) {
		int longSide = Math.max(width, height);
		double needed = Math.min(minLongSide, longSide);
		Factor best = new Factor(1, 1);
		int bestSide = longSide;
		for (Factor factor : factors) {
			int side = factor.scaled(longSide);
			if (side >= needed && side < bestSide) {
				best = factor;
				bestSide = side;
			}
		}
		return best;
	}

	/**
	 * What libjpeg-turbo made of a file: the image, or why ImageIO should try instead.
	 *
	 * @param image the decoded image, {@code null} when it declined
	 * @param declined why it declined (a CMYK file, a header it refuses…)
	 */
	record Outcome(BufferedImage image, String declined) {

		static Outcome declined(String reason) {
			return new Outcome(null, reason);
		}

	}

	/**
	 * Decodes a JPEG file at the smallest scale that keeps at least {@code minLongSide},
	 * straight into a TYPE_INT_RGB raster.
	 * @param file a JPEG file
	 * @param minLongSide the long side wanted at least
	 * @return the image, or the reason to decode it another way
	 * @throws Derivatives.UndecodableException when the file is truncated
	 * @throws IOException when the file cannot be read
	 */
	static Outcome decode(Path file, double minLongSide) throws IOException {
		Api api = Loaded.API;
		if (api == null) {
			return Outcome.declined("libjpeg-turbo is not installed");
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			if (size < 4 || size > Integer.MAX_VALUE) {
				return Outcome.declined("not a JPEG");
			}
			try (NativeBuffer jpeg = NativeBuffer.allocate(size)) {
				ByteBuffer buffer = jpeg.asByteBuffer();
				while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
					// Read it all.
				}
				if (buffer.hasRemaining()) {
					return Outcome.declined("file shorter than its size");
				}
				return decode(api, jpeg, minLongSide);
			}
		}
	}

	/**
	 * Whether a colour profile is one of the many sRGB ones ("sRGB IEC61966-2.1", "sRGB
	 * built-in"…), judged by its description as other photo tools do.
	 */
	static boolean isSrgb(String description) {
		String lower = description.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("srgb") && !lower.contains("linear");
	}

	private static Outcome decode(Api api, NativeBuffer jpeg, double minLongSide)
			throws Derivatives.UndecodableException {
		ByteBuffer file = jpeg.asByteBuffer();
		if ((file.get(0) & 0xFF) != 0xFF || (file.get(1) & 0xFF) != 0xD8) {
			return Outcome.declined("not a JPEG");
		}
		JpegMarkers.Header header = JpegMarkers.read(file);
		if (header.iccDescription() != null && !isSrgb(header.iccDescription())) {
			// libjpeg-turbo ignores colour profiles; ImageIO turns them into sRGB.
			return Outcome.declined("colour profile '" + header.iccDescription() + "'");
		}
		Pointer handle = api.tjInitDecompress();
		if (handle == null) {
			return Outcome.declined("tjInitDecompress failed");
		}
		try {
			NativeLong jpegSize = new NativeLong(jpeg.size());
			IntByReference width = new IntByReference();
			IntByReference height = new IntByReference();
			IntByReference subsampling = new IntByReference();
			IntByReference colorspace = new IntByReference();
			if (api.tjDecompressHeader3(handle, jpeg.pointer(), jpegSize, width, height, subsampling,
					colorspace) != 0) {
				return Outcome.declined(api.tjGetErrorStr2(handle));
			}
			if (colorspace.getValue() == TJCS_CMYK || colorspace.getValue() == TJCS_YCCK) {
				// Adobe's inverted CMYK needs TwelveMonkeys' conversion to look right.
				return Outcome.declined("CMYK");
			}
			Factor factor = smallestAtLeast(Loaded.FACTORS, width.getValue(), height.getValue(), minLongSide);
			int w = factor.scaled(width.getValue());
			int h = factor.scaled(height.getValue());
			BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
			try (NativeBuffer pixels = NativeBuffer.allocate((long) w * h * 4)) {
				if (api.tjDecompress2(handle, jpeg.pointer(), jpegSize, pixels.pointer(), w, w * 4, h, PIXEL_FORMAT,
						0) != 0) {
					// The message is the first warning's, or the error's.
					String message = api.tjGetErrorStr2(handle);
					if (api.tjGetErrorCode(handle) == TJERR_FATAL) {
						return Outcome.declined(message);
					}
					if (PhotoDecoder.isTruncation(message) || !JpegMarkers.endsAfter(file, header.firstScan())) {
						// libjpeg-turbo paints the missing part grey, like ImageIO.
						throw new Derivatives.UndecodableException("photo.failure.corrupt", null);
					}
					// A warning (extraneous bytes before a marker…): the image is whole,
					// ImageIO accepts these files too.
					log.debug("libjpeg-turbo warns: {}", message);
				}
				int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
				pixels.pointer().read(0, data, 0, data.length);
			}
			return new Outcome(image, null);
		}
		finally {
			api.tjDestroy(handle);
		}
	}

}

package com.focusracer.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.focusracer.photos.Photos;
import com.focusracer.photos.internal.Derivatives;

/**
 * Measures the {@code derive} stage (decode, orient, scale, watermark, encode web and
 * preview, measure quality) on generated 24-megapixel JPEGs with 1 and 2 threads, then a
 * plain full ImageIO decode of the same files on 2 threads as the yardstick, and the
 * process's peak resident memory. Run as documented in {@code docs/benchmarks.md}.
 */
public final class DeriveBench {

	private DeriveBench() {
	}

	public static void main(String[] args) throws Exception {
		int photos = (args.length > 0) ? Integer.parseInt(args[0]) : 24;
		Path folder = Files.createTempDirectory("derive-bench");
		List<Path> originals = generate(folder, 6);
		System.out.printf("originals: 6 distinct 6000x4000 JPEGs, %.1f MB on average%n",
				originals.stream().mapToLong(DeriveBench::size).average().orElse(0) / 1e6);
		Derivatives.Branding branding = new Derivatives.Branding("Focus Racer · Marathon de Lyon", "Sponsor",
				"#E8542F");
		System.out.printf("decoder: %s%n", Derivatives.decodesWithLibjpegTurbo() ? "libjpeg-turbo (DCT scaling)"
				: "ImageIO (libjpeg-turbo off or not installed)");
		// Warm-up: let the JIT compile the hot loops first.
		run(originals, branding, 4, 1);
		double derivePerSecond = 0;
		for (int threads : new int[] { 1, 2 }) {
			double seconds = run(originals, branding, photos, threads);
			derivePerSecond = photos / seconds;
			System.out.printf("derive, %d thread(s): %d photos in %.1f s = %.2f photos/s%n", threads, photos, seconds,
					derivePerSecond);
		}
		System.out.printf("peak RSS after derive: %d MB (max heap %d MB)%n", peakRssKb() / 1024,
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		autoEditCost(originals, branding, photos);
		// The yardstick, on the same files: what merely decoding them in full costs.
		double decodePerSecond = plainDecodeRate(originals, photos, 2);
		System.out.printf("plain ImageIO full decode, 2 thread(s): %d photos at %.2f photos/s%n", photos,
				decodePerSecond);
		System.out.printf("derive / plain decode (2 threads): %.2f%n", derivePerSecond / decodePerSecond);
		System.out.printf("peak RSS with the full decodes: %d MB%n", peakRssKb() / 1024);
	}

	private static double run(List<Path> originals, Derivatives.Branding branding, int photos, int threads)
			throws Exception {
		return run(originals, branding, photos, threads, false);
	}

	private static double run(List<Path> originals, Derivatives.Branding branding, int photos, int threads,
			boolean autoEdit) throws Exception {
		return time(originals, photos, threads,
				(original) -> Derivatives.derive(original, branding, 1600, 480, autoEdit));
	}

	/**
	 * What the events' automatic edit adds to {@code derive} (measured on the preview,
	 * applied to the web version and the preview), on one thread, runs with and without
	 * it interleaved so that a neighbour's load falls on both; then the "enhanced"
	 * download, made on demand: full decode, the edit at full size and a JPEG q 0.92.
	 */
	private static void autoEditCost(List<Path> originals, Derivatives.Branding branding, int photos) throws Exception {
		run(originals, branding, 4, 1, true);
		double without = 0;
		double with = 0;
		for (int round = 0; round < 2; round++) {
			without += run(originals, branding, photos, 1, false);
			with += run(originals, branding, photos, 1, true);
		}
		double msWithout = without * 1000 / (2.0 * photos);
		double msWith = with * 1000 / (2.0 * photos);
		System.out.printf("derive without auto-edit, 1 thread: %.1f ms/photo%n", msWithout);
		System.out.printf("derive with auto-edit, 1 thread: %.1f ms/photo%n", msWith);
		System.out.printf("auto-edit: +%.1f ms/photo, with / without = %.2f%n", msWith - msWithout, msWith / msWithout);
		int downloads = Math.min(photos, 6);
		double asShot = 0;
		double enhanced = 0;
		for (int i = 0; i < downloads; i++) {
			byte[] bytes = Files.readAllBytes(originals.get(i % originals.size()));
			long start = System.nanoTime();
			encode(com.focusracer.photos.AnalysisImages.uprightInMemory(bytes, 6000));
			long middle = System.nanoTime();
			encode(com.focusracer.photos.PhotoEnhancement
				.enhanced(com.focusracer.photos.AnalysisImages.uprightInMemory(bytes, 6000)));
			asShot += (middle - start) / 1e6;
			enhanced += (System.nanoTime() - middle) / 1e6;
		}
		System.out.printf("full-size decode + JPEG q0.92: %.0f ms/photo; with the edit (enhanced download): %.0f "
				+ "ms/photo (%d photos)%n", asShot / downloads, enhanced / downloads, downloads);
	}

	private static void encode(BufferedImage image) throws IOException {
		javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.92f);
		try (javax.imageio.stream.ImageOutputStream out = new javax.imageio.stream.MemoryCacheImageOutputStream(
				new java.io.ByteArrayOutputStream())) {
			writer.setOutput(out);
			writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
		}
		writer.dispose();
	}

	/**
	 * The yardstick of the pipeline benches: plain ImageIO decoding the same originals in
	 * full, after a short warm-up.
	 * @param originals the files
	 * @param photos how many decodes
	 * @param threads on how many threads
	 * @return photos per second
	 * @throws Exception when a file does not decode
	 */
	static double plainDecodeRate(List<Path> originals, int photos, int threads) throws Exception {
		time(originals, 4, 1, DeriveBench::decodeInFull);
		return photos / time(originals, photos, threads, DeriveBench::decodeInFull);
	}

	private static void decodeInFull(Path original) throws IOException {
		BufferedImage image = ImageIO.read(original.toFile());
		if (image.getWidth() != 6000) {
			throw new IllegalStateException("decoded " + image.getWidth() + " px wide");
		}
	}

	private interface Work {

		void on(Path original) throws Exception;

	}

	private static double time(List<Path> originals, int photos, int threads, Work work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < photos) {
					work.on(originals.get(i % originals.size()));
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * Photo-like 24 MP JPEGs: gradients, many shapes and fine sensor-like noise, so that
	 * they weigh what camera files weigh and decode as slowly.
	 */
	static List<Path> generate(Path folder, int count) throws IOException {
		List<Path> files = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			BufferedImage image = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			Random random = new Random(n);
			g.setPaint(
					new GradientPaint(0, 0, new Color(random.nextInt(255), 150, 210), 0, 4000, new Color(60, 100, 50)));
			g.fillRect(0, 0, 6000, 4000);
			for (int i = 0; i < 3000; i++) {
				g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 120));
				g.fillOval(random.nextInt(6000), random.nextInt(4000), 5 + random.nextInt(300),
						5 + random.nextInt(300));
			}
			g.drawImage(Photos.aFinishLineScene(2400, 1600), 1800, 1200, null);
			g.dispose();
			int[] row = new int[6000];
			for (int y = 0; y < 4000; y++) {
				image.getRGB(0, y, 6000, 1, row, 0, 6000);
				for (int x = 0; x < 6000; x++) {
					int noise = random.nextInt(25) - 12;
					int p = row[x];
					int r = clamp(((p >> 16) & 0xFF) + noise);
					int gr = clamp(((p >> 8) & 0xFF) + noise);
					int b = clamp((p & 0xFF) + noise);
					row[x] = (r << 16) | (gr << 8) | b;
				}
				image.setRGB(0, y, 6000, 1, row, 0, 6000);
			}
			Path file = folder.resolve("IMG_" + n + ".jpg");
			// Cameras save at high quality: about 10 MB for 24 MP.
			javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.95f);
			try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
				writer.setOutput(out);
				writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
			}
			writer.dispose();
			files.add(file);
		}
		return files;
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(255, value));
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	static long peakRssKb() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("\\D+", ""));
			}
		}
		return -1;
	}

}

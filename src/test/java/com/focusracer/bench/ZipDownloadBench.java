package com.focusracer.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.focusracer.accounts.ProProfile;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.Photos;
import com.focusracer.shop.Downloads;
import com.focusracer.shop.Order;
import com.focusracer.shop.OrderStatus;
import com.focusracer.shop.Resolution;
import com.focusracer.shop.internal.OrderItem;
import com.focusracer.shop.internal.OrderRepository;

/**
 * Downloads the ZIP of one paid order of many large originals over HTTP and reports the
 * throughput and how much the heap grew while it was written: the archive is streamed, so
 * the heap must not grow with the order's size.
 *
 * <pre>
 * java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *   com.focusracer.bench.ZipDownloadBench [photos] [megapixels]
 * </pre>
 */
public final class ZipDownloadBench {

	private ZipDownloadBench() {
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 60;
		int megapixels = (args.length > 1) ? Integer.parseInt(args[1]) : 12;
		try (BenchApp app = BenchApp.start(ProProfile.PHOTOGRAPHER)) {
			PhotoManagement photos = app.bean(PhotoManagement.class);
			OrderRepository shop = app.bean(OrderRepository.class);
			Downloads downloads = app.bean(Downloads.class);
			int width = (int) Math.sqrt(megapixels * 1_000_000 * 1.5);
			byte[] jpeg = Photos.jpeg(noise(width, width * 2 / 3));
			Path folder = Files.createTempDirectory("zip-bench");
			Random random = new Random(1);
			List<OrderItem> items = new ArrayList<>();
			long total = 0;
			for (int i = 0; i < count; i++) {
				// The same picture with different trailing bytes: distinct originals.
				byte[] copy = java.util.Arrays.copyOf(jpeg, jpeg.length + 16);
				for (int b = jpeg.length; b < copy.length; b++) {
					copy[b] = (byte) random.nextInt();
				}
				Path file = folder.resolve("IMG_" + i + ".jpg");
				Files.write(file, copy);
				UUID id = photos.accept(app.event().id(), app.ownerId(), file.getFileName().toString(), file).photoId();
				Files.delete(file);
				items.add(new OrderItem(id, i, 100, app.ownerId()));
				total += copy.length;
			}
			Files.delete(folder);
			UUID orderId = UUID.randomUUID();
			Instant now = Instant.now();
			Order order = new Order(orderId, app.event().id(), "bench@example.org", "fr", null, null,
					Resolution.ORIGINAL, OrderStatus.PENDING, 100L * count, "EUR", 0, "bench", "test",
					"test_" + orderId, null, null, now, null, null, null);
			shop.insertOrder(order, "bench-" + orderId, items);
			shop.setPaid(orderId, null, now, now.plusSeconds(3600));
			String zip = downloads.links(shop.order(orderId).orElseThrow()).zipPath();
			String port = app.context().getEnvironment().getProperty("local.server.port");
			System.out.printf("order of %d originals, %.1f MB in all (%d × %.1f MB)%n", count, total / 1e6, count,
					jpeg.length / 1e6);

			HttpClient client = HttpClient.newHttpClient();
			for (int run = 0; run < 3; run++) {
				MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
				System.gc();
				long before = memory.getHeapMemoryUsage().getUsed();
				AtomicLong peak = new AtomicLong(before);
				Thread sampler = new Thread(() -> {
					while (!Thread.currentThread().isInterrupted()) {
						peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
						try {
							Thread.sleep(5);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				});
				sampler.start();
				long start = System.nanoTime();
				HttpResponse<InputStream> response = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + zip)).build(),
						HttpResponse.BodyHandlers.ofInputStream());
				long firstByte = 0;
				long bytes = 0;
				byte[] buffer = new byte[64 * 1024];
				try (InputStream in = response.body()) {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						if (bytes == 0) {
							firstByte = System.nanoTime() - start;
						}
						bytes += n;
					}
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				sampler.interrupt();
				sampler.join();
				System.out.printf(
						"run %d: status %d, %.1f MB in %.2f s = %.0f MB/s, first byte after %.0f ms, heap peak %.1f MB above the %.1f MB before (max heap %.0f MB)%n",
						run + 1, response.statusCode(), bytes / 1e6, seconds, bytes / 1e6 / seconds, firstByte / 1e6,
						(peak.get() - before) / 1e6, before / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
			}
		}
	}

	private static BufferedImage noise(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(7);
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				row[x] = random.nextInt(0xFFFFFF);
			}
			image.setRGB(0, y, width, 1, row, 0, width);
		}
		return image;
	}

}

package com.focusracer.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;
import com.focusracer.photos.Photos;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Selfie search over an event of 50,000 stored faces (10,000 published photos of 5 faces
 * each), through the HTTP API: the first search (the event's faces read into memory) and
 * then warm ones, each including the selfie's decoding, face detection and embedding. The
 * selfie is a face of the dev dataset when this checkout has it (one stored face is that
 * face, so there is a hit), else a drawn picture with no face (detection only).
 *
 * <pre>
 * java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *   com.focusracer.bench.SelfieSearchBench [faces] [searches]
 * </pre>
 */
public final class SelfieSearchBench {

	private SelfieSearchBench() {
	}

	public static void main(String[] args) throws Exception {
		int faces = (args.length > 0) ? Integer.parseInt(args[0]) : 50_000;
		int searches = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		try (BenchApp app = BenchApp.start(ProProfile.ORGANIZER)) {
			Event event = app.bean(EventManagement.class)
				.create(app.ownerId(), new EventDraft("Selfie bench", LocalDate.now(), "Here", null, null,
						Visibility.PUBLIC, true, null, null, null, null));
			byte[] selfie = selfie();
			float[] real = embeddingOf(app, selfie);
			long start = System.nanoTime();
			store(app, event, faces, real);
			System.out.printf("stored %d faces on %d photos in %.1f s%n", faces, faces / 5,
					(System.nanoTime() - start) / 1e9);
			HttpClient client = HttpClient.newHttpClient();
			String url = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port")
					+ "/api/v1/public/events/" + event.slug() + "/selfie-search";
			if (Boolean.getBoolean("bench.pageFirst")) {
				// As a runner does: the event page (which prepares selfie search), then
				// the
				// few seconds it takes to take a selfie.
				client.send(HttpRequest
					.newBuilder(URI.create(url.replace("/api/v1/public", "").replace("/selfie-search", "")))
					.build(), HttpResponse.BodyHandlers.discarding());
				Thread.sleep(5000);
			}
			List<Double> times = new ArrayList<>();
			for (int i = 0; i <= searches; i++) {
				long t0 = System.nanoTime();
				HttpResponse<String> response = client.send(request(url, selfie), HttpResponse.BodyHandlers.ofString());
				double ms = (System.nanoTime() - t0) / 1e6;
				if (i == 0) {
					System.out.printf("first search (faces read into memory): %.0f ms, status %d, %s%n", ms,
							response.statusCode(), summary(response.body()));
				}
				else {
					times.add(ms);
				}
			}
			double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.printf("warm searches: n=%d p50=%.0f ms p95=%.0f ms max=%.0f ms%n", sorted.length,
					sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
					sorted[sorted.length - 1]);
			System.out.printf("peak RSS: %d MB%n", peakRssMb());
		}
	}

	private static byte[] selfie() throws Exception {
		Path dataset = Path.of("..", "shared", "datasets", "bibs-dev");
		Path photo = dataset.resolve("images/set2_11.JPG");
		if (!Files.isRegularFile(photo)) {
			System.out.println("no dev dataset here: the selfie is a drawing without face (detection only)");
			return Photos.jpeg(Photos.aRunner(900, 1200, null, java.awt.Color.ORANGE, 1));
		}
		java.awt.image.BufferedImage image = ImageIO.read(photo.toFile());
		// The face box of set2_11 in boxes.csv, twice as wide, as a phone would frame it.
		java.awt.image.BufferedImage crop = image.getSubimage(160, 20, 360, 390);
		return Photos.jpeg(crop);
	}

	private static float[] embeddingOf(BenchApp app, byte[] selfie) throws Exception {
		var models = app.bean(com.focusracer.recognition.internal.Recognizers.class).faceModels();
		if (models.isEmpty()) {
			throw new IllegalStateException("No face models: build with npm available (src/build/face-models.sh)");
		}
		var face = models.get().selfieFace(com.focusracer.photos.AnalysisImages.uprightInMemory(selfie, 1024));
		return face.map(com.focusracer.recognition.internal.FaceModels.Face::embedding).orElse(null);
	}

	private static void store(BenchApp app, Event event, int faces, float[] real) throws Exception {
		JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
		Random random = new Random(7);
		List<Object[]> photos = new ArrayList<>();
		List<UUID> photoIds = new ArrayList<>();
		for (int i = 0; i < faces / 5; i++) {
			UUID id = UUID.randomUUID();
			photoIds.add(id);
			photos.add(new Object[] { id, event.id(), app.ownerId(), "IMG_" + i + ".JPG", UUID.randomUUID().toString(),
					"bench/original/" + id, "bench/web/" + id, "bench/preview/" + id });
		}
		jdbc.batchUpdate("""
				insert into photo (id, event_id, uploader_id, file_name, sha256, size_bytes, format, width, height,
				                   status, original_key, web_key, preview_key)
				values (?, ?, ?, ?, ?, 12000000, 'JPEG', 6000, 4000, 'PUBLISHED', ?, ?, ?)""", photos);
		int batch = 2000;
		for (int from = 0; from < faces; from += batch) {
			int to = Math.min(faces, from + batch);
			int first = from;
			jdbc.execute((java.sql.Connection connection) -> {
				try (var statement = connection.prepareStatement("""
						insert into face (id, photo_id, event_id, box_x, box_y, box_w, box_h, score, quality, embedding,
						                  embedding_q, created_at)
						values (?, ?, ?, 0.4, 0.1, 0.05, 0.07, 0.9, 0.8, ?, ?, now() - interval '10 minutes')""")) {
					for (int i = first; i < to; i++) {
						float[] embedding = (i == 0 && real != null) ? real : randomUnit(random);
						Float[] boxed = new Float[embedding.length];
						for (int d = 0; d < embedding.length; d++) {
							boxed[d] = embedding[d];
						}
						Array array = connection.createArrayOf("real", boxed);
						statement.setObject(1, UUID.randomUUID());
						statement.setObject(2, photoIds.get(i / 5));
						statement.setObject(3, event.id());
						statement.setArray(4, array);
						statement.setBytes(5, com.focusracer.recognition.internal.SelfieIndex.quantize(embedding));
						statement.addBatch();
					}
					statement.executeBatch();
				}
				return null;
			});
		}
		jdbc.execute("vacuum analyze face");
	}

	private static float[] randomUnit(Random random) {
		float[] v = new float[512];
		double norm = 0;
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) random.nextGaussian();
			norm += v[i] * v[i];
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < v.length; i++) {
			v[i] *= scale;
		}
		return v;
	}

	private static HttpRequest request(String url, byte[] selfie) throws Exception {
		String boundary = "bench" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"selfie\"; filename=\"selfie.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(selfie);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	private static String summary(String body) {
		int items = body.split("\"id\"", -1).length - 1;
		return items + " photos found" + (body.contains("PROBABLE") ? ", one \"probably you\"" : "");
	}

	private static long peakRssMb() throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
	}

}

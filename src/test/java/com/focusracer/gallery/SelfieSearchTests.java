package com.focusracer.gallery;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosProperties;
import com.focusracer.recognition.RecognitionManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Selfie search over HTTP on the real server: consent required, absent where the event
 * has no face features, and the selfie reaches no file, no table, no log line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class SelfieSearchTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	EventManagement events;

	@Autowired
	RecognitionManagement recognition;

	@Autowired
	ServletContext servletContext;

	@Autowired
	PhotosProperties photosProperties;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient consentJdbc;

	@Test
	void consentIsRequiredAndFaceOffEventsHaveNoSelfieSearch() throws Exception {
		UUID owner = this.accounts.aPro(ProProfile.ORGANIZER).id();
		Event faceOff = anEvent(owner, false);
		Event faceOn = anEvent(owner, true);
		byte[] picture = Photos.jpeg(Photos.aFinishLineScene(600, 400));

		HttpResponse<String> off = selfie(faceOff.slug(), picture, true);
		assertThat(off.statusCode()).isEqualTo(404);
		assertThat(off.body()).contains("search by bib or name");

		// Consent first, with or without face models on this node.
		HttpResponse<String> noConsent = selfie(faceOn.slug(), picture, false);
		assertThat(noConsent.statusCode()).isEqualTo(400);
		assertThat(noConsent.body()).contains("consent=true");
		HttpResponse<String> notAPicture = selfie(faceOn.slug(),
				"this is not a picture".getBytes(StandardCharsets.UTF_8), true);
		if (this.recognition.available()) {
			assertThat(notAPicture.statusCode()).isEqualTo(400);
			assertThat(notAPicture.body()).contains("JPEG or PNG");
		}
		else {
			assertThat(notAPicture.statusCode()).isEqualTo(503);
			assertThat(notAPicture.body()).contains("search by bib or name");
		}
		// A search that ran is recorded as a consent used once: what the person agreed
		// to.
		assertThat(this.consentJdbc.sql("""
				select count(*) from consent where purpose = 'SELFIE_SEARCH' and event_id = ? and single_use
				  and text_shown like 'J''accepte que mon selfie%'""").param(faceOn.id()).query(Long.class).single())
			.isEqualTo(this.recognition.available() ? 1L : 0L);

		// The event page offers it only where it can run.
		String offPage = this.http
			.send(HttpRequest.newBuilder(uri("/events/" + faceOff.slug())).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(offPage).doesNotContain("selfie-form");
		String onPage = this.http
			.send(HttpRequest.newBuilder(uri("/events/" + faceOn.slug())).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(onPage.contains("selfie-form")).isEqualTo(this.recognition.available());
	}

	@Test
	void theSelfieReachesNoFileNoTableAndNoLog(CapturedOutput output) throws Exception {
		UUID owner = this.accounts.aPro(ProProfile.PHOTOGRAPHER).id();
		Event event = anEvent(owner, true);
		String marker = "SELFIE-" + UUID.randomUUID();
		byte[] selfie = withComment(Photos.jpeg(Photos.aRunner(900, 1200, null, java.awt.Color.ORANGE, 9)), marker);

		Path containerTemp = ((java.io.File) this.servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
		Path systemTemp = Path.of(System.getProperty("java.io.tmpdir"));
		try (WatchService watch = FileSystems.getDefault().newWatchService()) {
			containerTemp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
			systemTemp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);

			// The watch sees the container spool a regular multipart upload to disk...
			String token = "Bearer " + this.accountManagement.createPersonalToken(owner, "t").token();
			HttpResponse<String> upload = post("/api/v1/events/" + event.id() + "/photos",
					multipart(List.of(new Part("file", "photo.jpg", Photos.jpeg(Photos.aFinishLineScene(300, 200))))),
					token);
			assertThat(upload.statusCode()).isEqualTo(200);
			assertThat(created(watch)).as("files the container wrote for a photo upload")
				.anyMatch((name) -> name.startsWith("upload_"));

			// (the photo's pipeline done, so that only the selfie can write now)
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(60))
				.until(() -> this.jdbc.sql("select count(*) from photo where event_id = ? and status = 'PUBLISHED'")
					.param(event.id())
					.query(Long.class)
					.single() == 1);
			created(watch);
			// ... and nothing for a selfie.
			HttpResponse<String> response = selfie(event.slug(), selfie, true);
			// With the models, the picture is decoded and searched (it shows no face);
			// without, it is read into memory and refused.
			if (this.recognition.available()) {
				assertThat(response.statusCode()).isEqualTo(400);
				assertThat(response.body()).containsAnyOf("No face", "Aucun visage");
			}
			else {
				assertThat(response.statusCode()).isEqualTo(503);
			}
			assertThat(created(watch)).as("files written while a selfie was searched").isEmpty();
		}

		String hex = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.US_ASCII));
		for (String table : this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list()) {
			long rows = this.jdbc.sql("select count(*) from \"" + table + "\" t where t::text like ? or t::text like ?")
				.params("%" + marker + "%", "%" + hex + "%")
				.query(Long.class)
				.single();
			assertThat(rows).as("rows of " + table + " holding the selfie").isZero();
		}
		try (Stream<Path> files = Files.walk(this.photosProperties.storageDirectory())) {
			List<Path> holding = files.filter(Files::isRegularFile).filter((file) -> contains(file, marker)).toList();
			assertThat(holding).as("stored files holding the selfie").isEmpty();
		}
		assertThat(output.getAll()).doesNotContain(marker).doesNotContain(hex);
	}

	/**
	 * A real race photo from the dev dataset (when this checkout has it): the runner's
	 * face, cropped as a selfie, finds the photo as "probably you".
	 */
	@Test
	void aRunnersFaceFindsTheirPhoto() throws Exception {
		Path dataset = Path.of("..", "shared", "datasets", "bibs-dev");
		Path photo = dataset.resolve("images/set2_11.JPG");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(photo) && this.recognition.available(),
				"needs the dev dataset and the face models");
		String[] box = Files.readAllLines(dataset.resolve("boxes.csv"))
			.stream()
			.filter((line) -> line.startsWith("images/set2_11.JPG,"))
			.findFirst()
			.orElseThrow()
			.split(",");
		double x0 = Double.parseDouble(box[6]);
		double y0 = Double.parseDouble(box[7]);
		double x1 = Double.parseDouble(box[8]);
		double y1 = Double.parseDouble(box[9]);
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(photo.toFile());
		double side = Math.max(x1 - x0, y1 - y0) * 2.2;
		int cx = (int) ((x0 + x1) / 2);
		int cy = (int) ((y0 + y1) / 2);
		int left = (int) Math.max(0, cx - side / 2);
		int top = (int) Math.max(0, cy - side / 2);
		java.awt.image.BufferedImage crop = image.getSubimage(left, top, (int) Math.min(side, image.getWidth() - left),
				(int) Math.min(side, image.getHeight() - top));

		UUID owner = this.accounts.aPro(ProProfile.PHOTOGRAPHER).id();
		Event event = anEvent(owner, true);
		String token = "Bearer " + this.accountManagement.createPersonalToken(owner, "t").token();
		HttpResponse<String> upload = post("/api/v1/events/" + event.id() + "/photos",
				multipart(List.of(new Part("file", "set2_11.jpg", Files.readAllBytes(photo)))), token);
		String photoId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(upload.body())
			.get("results")
			.get(0)
			.get("photoId")
			.asText();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(90))
			.until(() -> this.jdbc.sql("select count(*) from photo where event_id = ? and status = 'PUBLISHED'")
				.param(event.id())
				.query(Long.class)
				.single() == 1);

		HttpResponse<String> found = selfie(event.slug(), Photos.jpeg(crop), true);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		com.fasterxml.jackson.databind.JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(found.body())
			.get("items")
			.get(0);
		assertThat(first.get("id").asText()).isEqualTo(photoId);
		assertThat(first.get("tier").asText()).isEqualTo("PROBABLE");
		assertThat(first.get("thumbnailUrl").asText()).endsWith("/thumb.jpg");

		// Another node erases the runner's faces (an objection): this node's index still
		// holds them until its next reload, but no longer finds the photo by them.
		this.jdbc.sql("delete from face where photo_id = ?").param(UUID.fromString(photoId)).update();
		HttpResponse<String> again = selfie(event.slug(), Photos.jpeg(crop), true);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(again.body()).doesNotContain(photoId);
	}

	private Event anEvent(UUID owner, boolean faces) {
		return this.events.create(owner, new EventDraft("Selfie " + UUID.randomUUID(), LocalDate.now(), "Lyon",
				"running", null, Visibility.PUBLIC, faces, null, null, null, null));
	}

	private HttpResponse<String> selfie(String slug, byte[] picture, boolean consent) throws Exception {
		List<Part> parts = new ArrayList<>();
		parts.add(new Part("selfie", "selfie.jpg", picture));
		if (consent) {
			parts.add(new Part("consent", null, "true".getBytes(StandardCharsets.UTF_8)));
		}
		return post("/api/v1/public/events/" + slug + "/selfie-search", multipart(parts), null);
	}

	private record Part(String name, String fileName, byte[] bytes) {
	}

	private record Body(String contentType, byte[] bytes) {
	}

	private static Body multipart(List<Part> parts) throws Exception {
		String boundary = "----focusracer" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Part part : parts) {
			body.write(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
							+ ((part.fileName() != null)
									? "; filename=\"" + part.fileName() + "\"\r\nContent-Type: image/jpeg" : "")
							+ "\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8));
			body.write(part.bytes());
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	private HttpResponse<String> post(String path, Body body, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", body.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static List<String> created(WatchService watch) throws InterruptedException {
		List<String> names = new ArrayList<>();
		WatchKey key;
		while ((key = watch.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
			for (WatchEvent<?> event : key.pollEvents()) {
				if (event.context() instanceof Path path) {
					names.add(path.getFileName().toString());
				}
			}
			key.reset();
		}
		return names;
	}

	private static boolean contains(Path file, String marker) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	/** The JPEG with a comment segment holding a text, right after its start marker. */
	private static byte[] withComment(byte[] jpeg, String text) {
		byte[] comment = text.getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xFE);
		int length = comment.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(comment, 0, comment.length);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

}

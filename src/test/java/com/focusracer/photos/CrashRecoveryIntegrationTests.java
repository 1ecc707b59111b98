package com.focusracer.photos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing acknowledged is lost: the application runs as a separate JVM (-Xmx512m), is
 * killed with SIGKILL during uploads and again during processing, restarted each time,
 * and every photo it acknowledged as ACCEPTED is there with the same SHA-256 and ends
 * PUBLISHED (or FAILED with a reason for the broken file), no job is left behind and no
 * half-written file is visible. The uploads include the bad files a photographer's card
 * may hold.
 */
// Only the separate application processes photos here: this JVM's workers are off.
@SpringBootTest(properties = "focusracer.workers.threads=0")
class CrashRecoveryIntegrationTests {

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	EventsTestUtils events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@TempDir
	Path storage;

	@Test
	void acknowledgedPhotosSurviveKillsDuringUploadAndProcessing() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		String token = this.accountManagement.createPersonalToken(photographer.id(), "crash-test").token();
		Map<String, byte[]> files = photos();
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		List<String> rejected = new ArrayList<>();

		AppNode app = start();
		Thread uploader = new Thread(() -> uploadAll(app, event.id(), token, files, acknowledged, rejected));
		uploader.start();
		await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= 8);
		app.kill();
		uploader.join(30_000);

		AppNode second = start();
		uploadAll(second, event.id(), token, files, acknowledged, rejected);
		// Kill again while the pipeline is at work.
		await().atMost(Duration.ofSeconds(60)).until(() -> count(event.id(), "PUBLISHED") > 0);
		second.kill();
		long unfinished = this.jdbc
			.sql("select count(*) from photo where event_id = ? and status in ('RECEIVED', 'PROCESSING')")
			.param(event.id())
			.query(Long.class)
			.single();
		assertThat(unfinished).as("the second kill hit photos still in the pipeline").isPositive();

		AppNode third = start();
		try {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.jdbc
					.sql("select count(*) from photo where event_id = ? and status in ('RECEIVED', 'PROCESSING')")
					.param(event.id())
					.query(Long.class)
					.single() == 0);
		}
		finally {
			third.stop();
		}

		assertThat(rejected).containsExactlyInAnyOrder("notes.jpg", "empty.jpg", "flood.jpg", "bomb.png");
		assertThat(acknowledged).hasSize(files.size() - 4);
		for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
			Map<String, Object> row = this.jdbc.sql("select sha256, status, failure from photo where id = ?")
				.param(UUID.fromString(ack.getValue()))
				.query()
				.singleRow();
			assertThat(row.get("sha256")).as(ack.getKey()).isEqualTo(sha256(files.get(ack.getKey())));
			if (ack.getKey().equals("truncated.jpg")) {
				assertThat(row.get("status")).isEqualTo("FAILED");
				assertThat(row.get("failure")).isEqualTo("photo.failure.corrupt");
			}
			else {
				assertThat(row.get("status")).as(ack.getKey()).isEqualTo("PUBLISHED");
			}
		}
		assertThat(count(event.id(), null)).isEqualTo(acknowledged.size());
		assertThat(this.jdbc
			.sql("select count(*) from scheduled_tasks where task_instance in "
					+ "(select id::text from photo where event_id = ?)")
			.param(event.id())
			.query(Long.class)
			.single()).as("jobs left").isZero();
		assertNoHalfWrittenFile();
		System.out.printf("crash test: %d files, %d acknowledged, %d unfinished at the second kill%n", files.size(),
				acknowledged.size(), unfinished);
	}

	/**
	 * Every visible file of every storage folder is whole: an original has the bytes its
	 * row names (a file no row names is one a kill left before its row: wasted space, no
	 * photo lost), a derivative decodes to its end. Files being written have hidden names
	 * ({@code .incoming-…}) until they are complete.
	 */
	private void assertNoHalfWrittenFile() throws Exception {
		List<Path> visible;
		try (Stream<Path> stored = Files.walk(this.storage)) {
			visible = stored.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().startsWith("."))
				.toList();
		}
		assertThat(visible).as("stored files").isNotEmpty();
		for (Path file : visible) {
			String key = this.storage.relativize(file).toString().replace('\\', '/');
			byte[] bytes = Files.readAllBytes(file);
			if (key.startsWith("originals/")) {
				java.util.Optional<String> expected = this.jdbc.sql("select sha256 from photo where original_key = ?")
					.param(key)
					.query(String.class)
					.optional();
				if (expected.isPresent()) {
					assertThat(sha256(bytes)).as("content of " + key).isEqualTo(expected.get());
				}
			}
			else if (key.endsWith(".jpg")) {
				assertThat(bytes.length).as(key).isGreaterThan(2);
				assertThat(new byte[] { bytes[bytes.length - 2], bytes[bytes.length - 1] })
					.as("%s ends with the JPEG end marker", key)
					.containsExactly((byte) 0xFF, (byte) 0xD9);
				assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes))).as(key).isNotNull();
			}
			else {
				org.assertj.core.api.Assertions.fail("unexpected file in storage: " + key);
			}
		}
	}

	private AppNode start() throws Exception {
		return AppNode.start("crash-test-app", this.environment,
				"--focusracer.photos.storage-directory=" + this.storage, "--focusracer.workers.threads=2");
	}

	private long count(UUID eventId, String status) {
		return this.jdbc
			.sql("select count(*) from photo where event_id = ? and (cast(? as text) is null or status = ?)")
			.params(eventId, status, status)
			.query(Long.class)
			.single();
	}

	private void uploadAll(AppNode node, UUID eventId, String token, Map<String, byte[]> files,
			Map<String, String> acknowledged, List<String> rejected) {
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			if (acknowledged.containsKey(file.getKey()) || rejected.contains(file.getKey())) {
				continue;
			}
			try {
				java.util.Optional<AppNode.Upload> upload = node.upload(eventId, token, file.getKey(), file.getValue());
				if (upload.isEmpty()) {
					// The server died: what was not acknowledged is sent again after the
					// restart.
					return;
				}
				if ("REJECTED".equals(upload.get().outcome())) {
					rejected.add(file.getKey());
				}
				else {
					acknowledged.put(file.getKey(), upload.get().photoId());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static Map<String, byte[]> photos() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (int i = 1; i <= 30; i++) {
			files.put(String.format("IMG_%04d.JPG", i),
					Photos.withExifOrientation(Photos.jpeg(Photos.aFinishLineScene(1600 + i, 1067)), 1 + (i % 8)));
		}
		byte[] sound = Photos.jpeg(Photos.aFinishLineScene(1200, 800));
		files.put("truncated.jpg", Arrays.copyOf(sound, sound.length / 2));
		files.put("progressive.jpg", Photos.aProgressiveJpeg());
		files.put("cmyk.jpg", Photos.aCmykJpeg());
		files.put("alpha.png", Photos.aPngWithAlpha());
		files.put("sixteen-bit.png", Photos.a16BitPng());
		files.put("corrupt-exif.jpg", Photos.aJpegWithCorruptExif());
		files.put("huge-exif.jpg", Photos.aJpegWithHugeExif());
		files.put("notes.jpg", "shopping list, not a photo".getBytes(StandardCharsets.UTF_8));
		files.put("empty.jpg", new byte[0]);
		files.put("flood.jpg", Photos.aJpegHeaderClaiming(65000, 65000));
		files.put("bomb.png", Photos.aPngHeaderClaiming(50000, 50000));
		return files;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}

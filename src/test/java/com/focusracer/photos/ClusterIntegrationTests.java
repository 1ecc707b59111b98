package com.focusracer.photos;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;
import com.focusracer.gallery.PhotoAlerts;
import com.focusracer.mail.Outbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application JVMs on one PostgreSQL and one S3 bucket (S3Mock), as a cluster runs: a
 * watcher on one node sees the photos the other node publishes; one node is killed with
 * SIGKILL in the middle of processing and the other finishes every photo, each published
 * exactly once; the runner's alert goes once.
 */
// Only the two nodes process photos: this JVM's workers are off.
@SpringBootTest(properties = "focusracer.workers.threads=0")
class ClusterIntegrationTests {

	private static final String BIB = "5151";

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	EventManagement events;

	@Autowired
	PhotoAlerts alerts;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	/** Every node, this JVM included, sends e-mails to it. */
	private static final com.icegreen.greenmail.util.GreenMail SMTP = startSmtp();

	@org.springframework.test.context.DynamicPropertySource
	static void smtp(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	private static com.icegreen.greenmail.util.GreenMail startSmtp() {
		com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
				com.icegreen.greenmail.util.ServerSetup.SMTP.dynamicPort());
		mail.start();
		return mail;
	}

	@org.junit.jupiter.api.AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Test
	void twoNodesShareWatchersAndWorkAndOneOfThemDies() throws Exception {
		TestAccount pro = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.create(pro.id(), new EventDraft("Cluster " + UUID.randomUUID(), LocalDate.now(),
				"Lyon", "running", null, Visibility.PUBLIC, false, null, null, null, null));
		String token = this.accountManagement.createPersonalToken(pro.id(), "cluster-test").token();
		String email = AccountsTestUtils.uniqueEmail("cluster");
		this.alerts.request(event, BIB, email, Locale.FRENCH);
		this.alerts.confirm(this.jdbc.sql("select token from photo_alert where email = ?")
			.param(email)
			.query(String.class)
			.single());

		AppNode a = start("cluster-a");
		AppNode b = start("cluster-b");
		try {
			// A runner watches their bib's live gallery on node B, the photographer the
			// event's upload page on node B.
			Map<String, AtomicInteger> seenOnB = new ConcurrentHashMap<>();
			b.browser().listen("/events/" + event.slug() + "/live?bib=" + BIB, (line) -> count(line, "id", seenOnB));
			AppNode.Browser onB = b.browser().logIn(pro.email(), pro.password());
			onB.get("/pro/events/" + event.id() + "/upload");
			Map<String, AtomicInteger> publishedOnB = new ConcurrentHashMap<>();
			onB.listen("/pro/events/" + event.id() + "/progress", (line) -> {
				if (line.contains("\"stage\":\"published\"")) {
					count(line, "photoId", publishedOnB);
				}
			});

			// A browser upload begun on node A (its first half) is finished on node B,
			// signed in there too (sessions are per node).
			List<String> ids = new ArrayList<>();
			ids.add(uploadAcross(a, b, event, pro));

			for (int i = 0; i < 12; i++) {
				AppNode node = (i % 2 == 0) ? a : b;
				ids.add(node
					.upload(event.id(), token, "IMG_" + i + ".JPG",
							Photos.jpeg(Photos.aRunner(1800, 1200, BIB, new Color(30 + i * 15, 60, 160), 70 + i)))
					.orElseThrow()
					.photoId());
			}
			// Node A dies in the middle of the work.
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> count(event.id(), "PUBLISHED") >= 2);
			a.kill();
			long unfinished = ids.size() - count(event.id(), "PUBLISHED");
			assertThat(unfinished).as("photos still in the pipeline when node A died").isPositive();

			// Node B finishes every photo.
			await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> count(event.id(), "PUBLISHED") == ids.size());
			// A job's row goes just after its photo is published (db-scheduler removes a
			// one-time execution once its handler returned): none may stay.
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(this.jdbc
					.sql("select task_name || ' ' || task_instance from scheduled_tasks where task_instance in "
							+ "(select id::text from photo where event_id = ?)")
					.param(event.id())
					.query(String.class)
					.list()).as("jobs left").isEmpty());

			// The watcher on B saw every photo once, those A published included.
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(seenOnB.keySet()).containsExactlyInAnyOrderElementsOf(ids));
			assertThat(seenOnB.values()).as("each photo published once").allSatisfy((n) -> assertThat(n).hasValue(1));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(publishedOnB.keySet()).containsExactlyInAnyOrderElementsOf(ids));
			assertThat(publishedOnB.values()).as("the upload page on B: each photo published once")
				.allSatisfy((n) -> assertThat(n).hasValue(1));

			// One alert e-mail for the runner, whichever node sent it, received once.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received(email)).hasSize(2));
			Thread.sleep(3000);
			assertThat(this.outbox.latest(email, 10)).as("the confirmation and one alert").hasSize(2);
			assertThat(received(email)).as("each received once").hasSize(2);
			// What node A's listeners had not finished when it died, node B runs again.
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(ids.stream().mapToLong(this::unfinishedListeners).sum())
					.as("listeners left unfinished")
					.isZero());
			System.out.printf("cluster test: %d photos, %d unfinished when node A died%n", ids.size(), unfinished);
		}
		finally {
			a.kill();
			b.stop();
		}
	}

	private AppNode start(String name) throws Exception {
		S3Properties s3 = S3Mock.properties();
		return AppNode.start(name, this.environment, "--focusracer.workers.threads=1", "--focusracer.photos.storage=s3",
				"--focusracer.photos.s3.endpoint=" + s3.endpoint(), "--focusracer.photos.s3.region=" + s3.region(),
				"--focusracer.photos.s3.bucket=" + s3.bucket(), "--focusracer.photos.s3.path-style=true",
				"--focusracer.photos.s3.access-key=" + s3.accessKey(),
				"--focusracer.photos.s3.secret-key=" + s3.secretKey(), "--focusracer.gallery.alerts-delay=PT1S",
				"--focusracer.gallery.alerts-every=PT2S", "--focusracer.mail.poll-interval=500ms",
				"--focusracer.event-publications.resubmit-after=PT5S",
				"--focusracer.event-publications.resubmit-every=PT2S",
				"--focusracer.event-publications.resubmit-delay=PT2S", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + SMTP.getSmtp().getPort());
	}

	/**
	 * Sends a photo as the upload page does, its first half to node A and the rest to
	 * node B.
	 * @return the photo's id
	 */
	private String uploadAcross(AppNode a, AppNode b, Event event, TestAccount pro) throws Exception {
		byte[] photo = Photos.jpeg(Photos.aRunner(1800, 1200, BIB, new Color(200, 40, 40), 99));
		AppNode.Browser onA = a.browser().logIn(pro.email(), pro.password());
		onA.get("/pro/events/" + event.id() + "/upload");
		String started = onA
			.send("POST", "/pro/events/" + event.id() + "/uploads", "application/json",
					("{\"fileName\":\"IMG_across.JPG\",\"size\":" + photo.length + ",\"fingerprint\":\"across-"
							+ UUID.randomUUID() + "\"}")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.body();
		String upload = field(started, "id");
		int half = photo.length / 2;
		HttpResponse<String> first = onA.send("PATCH", "/pro/uploads/" + upload, "application/offset+octet-stream",
				java.util.Arrays.copyOfRange(photo, 0, half), "Upload-Offset", "0");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

		AppNode.Browser onB = b.browser().logIn(pro.email(), pro.password());
		onB.get("/pro/events/" + event.id() + "/upload");
		assertThat(onB.get("/pro/uploads/" + upload).body()).as("node B knows what node A received")
			.contains("\"offset\":" + half);
		HttpResponse<String> last = onB.send("PATCH", "/pro/uploads/" + upload, "application/offset+octet-stream",
				java.util.Arrays.copyOfRange(photo, half, photo.length), "Upload-Offset", String.valueOf(half));
		assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
		assertThat(last.body()).contains("\"outcome\":\"ACCEPTED\"");
		String id = field(last.body(), "photoId");
		assertThat(this.jdbc.sql("select sha256 from photo where id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single())
			.isEqualTo(java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo)));
		return id;
	}

	private static String field(String json, String name) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"")
			.matcher(json);
		assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
		return matcher.group(1);
	}

	private static void count(String line, String field, Map<String, AtomicInteger> seen) {
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"" + field + "\":\"([0-9a-f-]{36})\"")
			.matcher(line);
		if (id.find()) {
			seen.computeIfAbsent(id.group(1), (key) -> new AtomicInteger()).incrementAndGet();
		}
	}

	private static List<String> received(String email) {
		List<String> subjects = new ArrayList<>();
		for (jakarta.mail.internet.MimeMessage message : SMTP.getReceivedMessages()) {
			try {
				if (message.getAllRecipients()[0].toString().equals(email)) {
					subjects.add(message.getSubject());
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return subjects;
	}

	private long unfinishedListeners(String photoId) {
		return this.jdbc
			.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
			.param("%" + photoId + "%")
			.query(Long.class)
			.single();
	}

	private long count(UUID eventId, String status) {
		return this.jdbc.sql("select count(*) from photo where event_id = ? and status = ?")
			.params(eventId, status)
			.query(Long.class)
			.single();
	}

}

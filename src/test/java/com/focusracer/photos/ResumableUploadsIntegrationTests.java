package com.focusracer.photos;

import java.time.Duration;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.focusracer.FocusRacerApplication;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A browser upload resumes from the last byte the server confirmed, also after the server
 * restarted or on another node; chunks of one upload are stored one at a time; abandoned
 * uploads are forgotten.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResumableUploadsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	PhotoManagement photos;

	@Autowired
	ResumableUploads uploads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Value("${focusracer.photos.storage-directory}")
	Path storage;

	@Test
	void resumesFromTheConfirmedOffsetAcrossARestart() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, photographer);
		byte[] photo = Photos.jpeg(Photos.aFinishLineScene(2000, 1400));
		int half = photo.length / 2;

		String id = this.mvc
			.perform(
					post("/pro/events/" + event.id() + "/uploads").session(session)
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"fileName\":\"IMG_7001.JPG\",\"size\":" + photo.length
								+ ",\"fingerprint\":\"IMG_7001:1\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offset").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(patch("/pro/uploads/" + id).session(session)
				.with(csrf())
				.header("Upload-Offset", "0")
				.content(Arrays.copyOfRange(photo, 0, half)))
			.andExpect(jsonPath("$.offset").value(half));
		// A chunk sent twice (the answer to the first was lost) is refused with the right
		// offset.
		this.mvc
			.perform(patch("/pro/uploads/" + id).session(session)
				.with(csrf())
				.header("Upload-Offset", "0")
				.content(Arrays.copyOfRange(photo, 0, half)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.offset").value(half));

		// The same file announced again (page reloaded) finds the same upload where it
		// was.
		this.mvc
			.perform(
					post("/pro/events/" + event.id() + "/uploads").session(session)
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"fileName\":\"IMG_7001.JPG\",\"size\":" + photo.length
								+ ",\"fingerprint\":\"IMG_7001:1\"}"))
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.offset").value(half));

		// Another application instance on the same database and disk — a restarted server
		// — takes over.
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(FocusRacerApplication.class)
			.properties("server.port=0", "focusracer.workers.threads=0")
			.run()) {
			ResumableUploads uploads = restarted.getBean(ResumableUploads.class);
			assertThat(uploads.status(java.util.UUID.fromString(id), photographer.id())).get()
				.extracting(ResumableUploads.Status::offset)
				.isEqualTo((long) half);
			ResumableUploads.ChunkResult result = uploads.append(java.util.UUID.fromString(id), photographer.id(), half,
					new java.io.ByteArrayInputStream(Arrays.copyOfRange(photo, half, photo.length)));
			assertThat(result.outcome().outcome()).isEqualTo(UploadOutcome.Outcome.ACCEPTED);
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.photos.counts(event.id())).containsEntry("PUBLISHED", 1L));
		Photo stored = this.photos.page(event.id(), photographer.id(), null, false, 10, 0).get(0);
		assertThat(stored.sha256()).isEqualTo(
				java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo)));
		this.mvc.perform(get("/pro/uploads/" + id).session(session)).andExpect(status().isNotFound());
	}

	@Test
	void aChunkThatArrivesWhileAnotherIsBeingStoredIsRefusedWithTheOffsetToSendFrom() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, photographer);
		byte[] photo = Photos.aFinishLinePhoto();
		int half = photo.length / 2;
		String id = UploadsAcrossNodesIntegrationTests.start(this.mvc, session, event, "IMG_7003.JPG", photo.length);
		UploadsAcrossNodesIntegrationTests.chunk(this.mvc, session, id, 0, Arrays.copyOfRange(photo, 0, half))
			.andExpect(jsonPath("$.offset").value(half));
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			// A node storing a chunk of this upload holds its row lock.
			CountDownLatch locked = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Future<?> otherNode = thread.submit(() -> this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("select id from upload_session where id = ? for update")
					.param(UUID.fromString(id))
					.query(UUID.class)
					.single();
				locked.countDown();
				try {
					// Bounded: a chunk stored without the lock would wait for it.
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			locked.await();
			UploadsAcrossNodesIntegrationTests
				.chunk(this.mvc, session, id, half, Arrays.copyOfRange(photo, half, photo.length))
				.andExpect(status().isConflict())
				.andExpect(header().string("Retry-After", "1"))
				.andExpect(jsonPath("$.busy").value(true))
				.andExpect(jsonPath("$.offset").value(half))
				.andExpect(jsonPath("$.message").value(containsString("en cours d'enregistrement")));
			release.countDown();
			otherNode.get();
		}
		finally {
			thread.shutdownNow();
		}
		// Sent again once the other is stored: taken.
		String answer = UploadsAcrossNodesIntegrationTests
			.chunk(this.mvc, session, id, half, Arrays.copyOfRange(photo, half, photo.length))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("ACCEPTED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID photoId = UUID.fromString(answer.replaceAll(".*\"photoId\":\"([^\"]+)\".*", "$1"));
		try (java.io.InputStream original = this.photos.openOriginal(photoId).orElseThrow()) {
			assertThat(original.readAllBytes()).isEqualTo(photo);
		}
	}

	@Test
	void forgetsAnAbandonedUploadAndDeletesItsParts() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		byte[] photo = Photos.aFinishLinePhoto();
		UUID id = this.uploads.start(event.id(), photographer.id(), "IMG_7004.JPG", photo.length, "IMG_7004:1").id();
		this.uploads.append(id, photographer.id(), 0, new java.io.ByteArrayInputStream(Arrays.copyOf(photo, 1000)));
		Path parts = this.storage.resolve("uploads").resolve(id.toString());
		assertThat(parts).isDirectory();
		this.uploads.forgetAbandoned();
		assertThat(this.uploads.status(id, photographer.id())).isPresent();

		this.jdbc.sql("update upload_session set updated_at = now() - interval '25 hours' where id = ?")
			.param(id)
			.update();
		this.uploads.forgetAbandoned();

		assertThat(this.uploads.status(id, photographer.id())).isEmpty();
		assertThat(parts).doesNotExist();
		// Started again by the page: from zero.
		assertThat(
				this.uploads.start(event.id(), photographer.id(), "IMG_7004.JPG", photo.length, "IMG_7004:1").offset())
			.isZero();
	}

	@Test
	void chunksAreBoundedByWhatThePageSendsAndByTheAnnouncedSize() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, photographer);
		String id = this.mvc
			.perform(post("/pro/events/" + event.id() + "/uploads").session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"fileName\":\"IMG_7002.JPG\",\"size\":1000,\"fingerprint\":\"IMG_7002:1\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		// The page sends 2 MB chunks: 9 MB in one is refused before it is read.
		this.mvc
			.perform(patch("/pro/uploads/" + id).session(session)
				.with(csrf())
				.header("Upload-Offset", "0")
				.content(new byte[9 * 1024 * 1024]))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString("dépasse 8 Mo")));
		this.mvc
			.perform(patch("/pro/uploads/" + id).session(session)
				.with(csrf())
				.header("Upload-Offset", "0")
				.content(new byte[600]))
			.andExpect(jsonPath("$.offset").value(600));
		// Past the 1,000 bytes announced: refused, and the 600 received are kept.
		this.mvc
			.perform(patch("/pro/uploads/" + id).session(session)
				.with(csrf())
				.header("Upload-Offset", "600")
				.content(new byte[600]))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.message").value(containsString("taille annoncée pour le fichier (1000 octets)")));
		this.mvc.perform(get("/pro/uploads/" + id).session(session)).andExpect(jsonPath("$.offset").value(600));
	}

}

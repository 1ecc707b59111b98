package com.focusracer.photos;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.focusracer.FocusRacerApplication;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.photos.internal.S3BlobStore;
import com.focusracer.photos.internal.UploadParts;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two nodes on one PostgreSQL and one bucket, each with a disk of its own: node A is this
 * test's application, node B a second one started beside it. A browser upload whose
 * chunks reach either node completes, its parts an S3 multipart upload; an abandoned one
 * leaves nothing behind.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsAcrossNodesIntegrationTests {

	static final int CHUNK = 2 * 1024 * 1024;

	@DynamicPropertySource
	static void nodeA(DynamicPropertyRegistry registry) throws Exception {
		S3Properties s3 = S3Mock.properties();
		registry.add("focusracer.photos.storage", () -> "s3");
		registry.add("focusracer.photos.storage-directory", () -> "target/node-a");
		registry.add("focusracer.photos.s3.endpoint", () -> s3.endpoint().toString());
		registry.add("focusracer.photos.s3.region", s3::region);
		registry.add("focusracer.photos.s3.bucket", s3::bucket);
		registry.add("focusracer.photos.s3.path-style", () -> "true");
		registry.add("focusracer.photos.s3.access-key", s3::accessKey);
		registry.add("focusracer.photos.s3.secret-key", s3::secretKey);
		registry.add("focusracer.workers.threads", () -> "0");
	}

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

	ConfigurableApplicationContext nodeB;

	MockMvc mvcB;

	S3Client s3;

	@BeforeAll
	void startNodeB() throws Exception {
		S3Properties s3 = S3Mock.properties();
		// As arguments: they come before the test configuration files.
		this.nodeB = new SpringApplicationBuilder(FocusRacerApplication.class).run("--server.port=0",
				"--focusracer.workers.threads=0", "--focusracer.photos.storage=s3",
				"--focusracer.photos.storage-directory=target/node-b",
				"--focusracer.photos.s3.endpoint=" + s3.endpoint(), "--focusracer.photos.s3.region=" + s3.region(),
				"--focusracer.photos.s3.bucket=" + s3.bucket(), "--focusracer.photos.s3.path-style=true",
				"--focusracer.photos.s3.access-key=" + s3.accessKey(),
				"--focusracer.photos.s3.secret-key=" + s3.secretKey(), "--focusracer.photos.uploads.abandon-after=12h");
		assertThat(this.nodeB.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
		this.mvcB = MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.nodeB)
			.apply(springSecurity())
			.build();
		this.s3 = S3Mock.client();
	}

	@AfterAll
	void stopNodeB() {
		this.s3.close();
		this.nodeB.close();
	}

	@Test
	void anUploadWhoseChunksReachBothNodesBecomesThePhotoFromAMultipartUpload() throws Exception {
		assertThat(this.photos).extracting("blobs").isInstanceOf(S3BlobStore.class);
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		MockHttpSession onA = AccountsTestUtils.logIn(this.mvc, photographer);
		MockHttpSession onB = AccountsTestUtils.logIn(this.mvcB, photographer);
		byte[] photo = Photos.aLargeJpeg(12 * 1024 * 1024 + 300_000);
		String id = start(this.mvc, onA, event, "IMG_8001.JPG", photo.length);
		String key = UploadParts.fileKey(UUID.fromString(id));

		String photoId = null;
		for (int offset = 0, n = 0; offset < photo.length; offset += CHUNK, n++) {
			boolean viaA = n % 2 == 0;
			int end = Math.min(photo.length, offset + CHUNK);
			ResultActions answer = chunk(viaA ? this.mvc : this.mvcB, viaA ? onA : onB, id, offset,
					Arrays.copyOfRange(photo, offset, end))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.offset").value(end));
			if (end < photo.length) {
				// Each node confirms what the other received.
				(viaA ? this.mvcB : this.mvc).perform(get("/pro/uploads/" + id).session(viaA ? onB : onA))
					.andExpect(jsonPath("$.offset").value(end));
			}
			if (end == 6 * CHUNK) {
				// Three chunks make a part of at least 5 MiB, the least S3 joins.
				List<String> multipart = S3Mock.multipartUploads(this.s3, "uploads/" + id + "/");
				assertThat(multipart).hasSize(1);
				assertThat(S3Mock.partSizes(this.s3, key, multipart.get(0))).containsExactly(3L * CHUNK, 3L * CHUNK);
			}
			if (end == photo.length) {
				answer.andExpect(jsonPath("$.outcome").value("ACCEPTED"));
				photoId = com.jayway.jsonpath.JsonPath.read(answer.andReturn().getResponse().getContentAsString(),
						"$.photoId");
			}
		}

		Photo stored = this.photos.get(UUID.fromString(photoId)).orElseThrow();
		assertThat(stored.sha256()).isEqualTo(sha256(photo));
		assertThat(stored.status()).isEqualTo(PhotoStatus.RECEIVED);
		try (InputStream original = this.photos.openOriginal(stored.id()).orElseThrow()) {
			assertThat(original.readAllBytes()).isEqualTo(photo);
		}
		assertThat(S3Mock.multipartUploads(this.s3, "uploads/" + id + "/")).isEmpty();
		assertThat(S3Mock.keys(this.s3, "uploads/" + id + "/")).isEmpty();
		this.mvcB.perform(get("/pro/uploads/" + id).session(onB)).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from upload_session where id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
		assertThat(Path.of("target/node-a/incoming")).doesNotExist();
		assertThat(Path.of("target/node-b/incoming")).doesNotExist();
	}

	@Test
	void twoNodesStoringTheSameChunkAtOnceKeepOneOfThem() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		byte[] photo = Photos.aLargeJpeg(7 * CHUNK + 1000);
		ResumableUploads onB = this.nodeB.getBean(ResumableUploads.class);
		UUID id = this.uploads.start(event.id(), photographer.id(), "IMG_8002.JPG", photo.length, "IMG_8002:1").id();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			UploadOutcome outcome = null;
			for (int offset = 0; offset < photo.length; offset += CHUNK) {
				byte[] chunk = Arrays.copyOfRange(photo, offset, Math.min(photo.length, offset + CHUNK));
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Object>> tries = new ArrayList<>();
				for (ResumableUploads node : List.of(this.uploads, onB)) {
					long at = offset;
					Callable<Object> send = () -> {
						go.await();
						try {
							return node.append(id, photographer.id(), at, new ByteArrayInputStream(chunk));
						}
						catch (ResumableUploads.OffsetMismatchException | ResumableUploads.BusyException ex) {
							return ex;
						}
						catch (EventNotFoundException ex) {
							// The other one completed the upload already.
							return ex;
						}
					};
					tries.add(threads.submit(send));
				}
				go.countDown();
				List<Object> answers = List.of(tries.get(0).get(), tries.get(1).get());
				assertThat(answers).filteredOn(ResumableUploads.ChunkResult.class::isInstance).hasSize(1);
				assertThat(answers).filteredOn(RuntimeException.class::isInstance).hasSize(1);
				ResumableUploads.ChunkResult kept = (ResumableUploads.ChunkResult) answers.stream()
					.filter(ResumableUploads.ChunkResult.class::isInstance)
					.findFirst()
					.orElseThrow();
				outcome = kept.outcome();
			}
			assertThat(outcome.outcome()).isEqualTo(UploadOutcome.Outcome.ACCEPTED);
			try (InputStream original = this.photos.openOriginal(outcome.photoId()).orElseThrow()) {
				assertThat(original.readAllBytes()).isEqualTo(photo);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void anyNodeForgetsAnAbandonedUploadAndAbortsItsMultipartUpload() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		MockHttpSession onA = AccountsTestUtils.logIn(this.mvc, photographer);
		byte[] photo = Photos.aLargeJpeg(10 * CHUNK);
		String abandoned = start(this.mvc, onA, event, "IMG_8003.JPG", photo.length);
		String paused = start(this.mvc, onA, event, "IMG_8004.JPG", photo.length);
		for (String id : List.of(abandoned, paused)) {
			for (int offset = 0; offset < 4 * CHUNK; offset += CHUNK) {
				chunk(this.mvc, onA, id, offset, Arrays.copyOfRange(photo, offset, offset + CHUNK))
					.andExpect(status().isOk());
			}
			// One part of three chunks in a multipart upload, one chunk waiting for the
			// next.
			assertThat(S3Mock.multipartUploads(this.s3, "uploads/" + id + "/")).hasSize(1);
			assertThat(S3Mock.keys(this.s3, "uploads/" + id + "/"))
				.containsExactly("uploads/" + id + "/pending-" + 3 * CHUNK);
		}
		// Node B forgets uploads after 12 hours without a chunk.
		untouchedFor(abandoned, 13);
		untouchedFor(paused, 11);

		this.nodeB.getBean(ResumableUploads.class).forgetAbandoned();

		assertThat(this.uploads.status(UUID.fromString(abandoned), photographer.id())).isEmpty();
		assertThat(S3Mock.multipartUploads(this.s3, "uploads/" + abandoned + "/")).isEmpty();
		assertThat(S3Mock.keys(this.s3, "uploads/" + abandoned + "/")).isEmpty();
		this.mvc.perform(get("/pro/uploads/" + abandoned).session(onA)).andExpect(status().isNotFound());
		// The other one resumes where it was.
		assertThat(S3Mock.multipartUploads(this.s3, "uploads/" + paused + "/")).hasSize(1);
		this.mvc.perform(get("/pro/uploads/" + paused).session(onA)).andExpect(jsonPath("$.offset").value(4 * CHUNK));
		// Forgetting again, on the other node, finds nothing more to do.
		this.uploads.forgetAbandoned();
		assertThat(this.uploads.status(UUID.fromString(paused), photographer.id())).isPresent();
	}

	private void untouchedFor(String id, int hours) {
		this.jdbc.sql("update upload_session set updated_at = now() - make_interval(hours => ?) where id = ?")
			.params(hours, UUID.fromString(id))
			.update();
	}

	static String start(MockMvc mvc, MockHttpSession session, Event event, String fileName, long size)
			throws Exception {
		return mvc
			.perform(post("/pro/events/" + event.id() + "/uploads").session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"fileName\":\"" + fileName + "\",\"size\":" + size + ",\"fingerprint\":\"" + fileName
						+ ":1\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offset").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}

	static ResultActions chunk(MockMvc mvc, MockHttpSession session, String id, long offset, byte[] bytes)
			throws Exception {
		return mvc.perform(patch("/pro/uploads/" + id).session(session)
			.with(csrf())
			.header("Upload-Offset", String.valueOf(offset))
			.content(bytes));
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}

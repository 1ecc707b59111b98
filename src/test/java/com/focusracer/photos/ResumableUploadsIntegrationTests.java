package com.focusracer.photos;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.focusracer.FocusRacerApplication;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A browser upload resumes from the last byte the server confirmed, also after the server
 * restarted.
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

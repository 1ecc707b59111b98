package com.focusracer.photos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Photos through the upload API, the pipeline jobs and triage, on the real database and
 * disk.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PhotosIntegrationTests {

	@org.springframework.beans.factory.annotation.Autowired
	com.focusracer.photos.PhotoActions photoActions;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	EventsTestUtils events;

	@Autowired
	PhotoManagement photos;

	@Autowired
	PhotosTestUtils published;

	@Autowired
	BlobStore blobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private TestAccount photographer;

	private Event event;

	private String token;

	@BeforeEach
	void anEventWithItsPhotographer() {
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.event = this.events.aMarathon(this.photographer.id());
		this.token = "Bearer " + this.accountManagement.createPersonalToken(this.photographer.id(), "t").token();
	}

	@Test
	void acceptsPhotosPublishesThemAndReportsDuplicatesAndBadFiles() throws Exception {
		byte[] photo = Photos.withExifOrientation(Photos.jpeg(Photos.aFinishLineScene(2400, 1600)), 6);
		byte[] png = Photos.png(Photos.aFinishLineScene(900, 600));
		this.mvc
			.perform(multipart("/api/v1/events/" + this.event.id() + "/photos")
				.file(new MockMultipartFile("file", "IMG_0001.JPG", "image/jpeg", photo))
				.file(new MockMultipartFile("file", "IMG_0001-copy.JPG", "image/jpeg", photo))
				.file(new MockMultipartFile("file", "finish.png", "image/png", png))
				.file(new MockMultipartFile("file", "notes.jpg", "image/jpeg",
						"this is not a photo".getBytes(StandardCharsets.UTF_8)))
				.file(new MockMultipartFile("file", "empty.jpg", "image/jpeg", new byte[0]))
				.header("Authorization", this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].outcome").value("ACCEPTED"))
			.andExpect(jsonPath("$.results[1].outcome").value("DUPLICATE"))
			.andExpect(jsonPath("$.results[2].outcome").value("ACCEPTED"))
			.andExpect(jsonPath("$.results[3].outcome").value("REJECTED"))
			.andExpect(jsonPath("$.results[3].message").value(containsString("neither a JPEG nor a PNG")))
			.andExpect(jsonPath("$.results[4].outcome").value("REJECTED"))
			.andExpect(jsonPath("$.results[4].message").value(containsString("empty")));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.photos.counts(this.event.id())).containsEntry("PUBLISHED", 2L));
		String body = this.mvc
			.perform(get("/api/v1/events/" + this.event.id() + "/photos?status=PUBLISHED").header("Authorization",
					this.token))
			.andExpect(jsonPath("$.total").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = body.replaceAll("(?s).*\"id\":\"([^\"]+)\",\"fileName\":\"IMG_0001.JPG\".*", "$1");
		byte[] preview = this.mvc.perform(get("/api/v1/photos/" + id + "/preview").header("Authorization", this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview));
		assertThat(image.getHeight()).as("upright portrait").isEqualTo(480).isGreaterThan(image.getWidth());
		assertThat(new String(preview, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("SECRET");
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, this.photographer);
		this.mvc.perform(get("/pro/photos/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/pro/photos/" + id + "/web.jpg")))
			.andExpect(content().string(containsString("IMG_0001.JPG")));
	}

	@Test
	void refusesPixelFloodsFromTheHeaderAlone() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/events/" + this.event.id() + "/photos")
				.file(new MockMultipartFile("file", "flood.jpg", "image/jpeg",
						Photos.aJpegHeaderClaiming(65000, 65000)))
				.file(new MockMultipartFile("file", "bomb.png", "image/png", Photos.aPngHeaderClaiming(20000, 20000)))
				.header("Authorization", this.token))
			.andExpect(jsonPath("$.results[0].outcome").value("REJECTED"))
			.andExpect(jsonPath("$.results[0].message").value(containsString("65,000 × 65,000")))
			.andExpect(jsonPath("$.results[1].outcome").value("REJECTED"))
			.andExpect(jsonPath("$.results[1].message").value(containsString("400 megapixels")));
		assertThat(this.photos.count(this.event.id(), null, false)).isZero();
	}

	@Test
	void aTruncatedPhotoEndsFailedWithAReason() throws Exception {
		byte[] jpeg = Photos.jpeg(Photos.aFinishLineScene(1200, 800));
		byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 3);
		this.mvc
			.perform(multipart("/api/v1/events/" + this.event.id() + "/photos")
				.file(new MockMultipartFile("file", "cut.jpg", "image/jpeg", truncated))
				.header("Authorization", this.token))
			.andExpect(jsonPath("$.results[0].outcome").value("ACCEPTED"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.photos.counts(this.event.id())).containsKey("FAILED"));
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, this.photographer);
		this.mvc.perform(get("/pro/events/" + this.event.id() + "/photos?status=FAILED").session(session))
			.andExpect(content().string(containsString("cut.jpg")))
			.andExpect(content().string(containsString("abîmé")));
	}

	@Test
	void aPhotoHiddenBeforeThePipelineFinishedIsNotPublicWhenShownAgain() throws Exception {
		// Accepted, its first stage due in an hour: the pipeline has not run yet.
		java.nio.file.Path file = java.nio.file.Files.createTempFile("hidden-", ".jpg");
		java.nio.file.Files.write(file, Photos.aFinishLinePhoto());
		UUID photo = this.transactions.execute((status) -> {
			try {
				UUID id = this.photos.accept(this.event.id(), this.photographer.id(), "early.jpg", file).photoId();
				this.jdbc.sql(
						"update scheduled_tasks set execution_time = now() + interval '1 hour' where task_instance = ?")
					.param(id.toString())
					.update();
				return id;
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		java.nio.file.Files.delete(file);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, this.photographer);
		String page = "/events/" + this.event.slug() + "/photos/" + photo;

		// Hidden, then shown again before the pipeline ran: still received, not public.
		bulk(session, "hide", photo);
		bulk(session, "show", photo);
		this.mvc.perform(get("/api/v1/photos/" + photo).header("Authorization", this.token))
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.hidden").value(false));
		this.mvc.perform(get(page)).andExpect(status().isNotFound());
		this.mvc.perform(get(page + "/web.jpg")).andExpect(status().isNotFound());

		// Hidden while it goes through the pipeline: published, still hidden.
		bulk(session, "hide", photo);
		this.jdbc.sql("update scheduled_tasks set execution_time = now() where task_instance = ?")
			.param(photo.toString())
			.update();
		this.published.awaitIdle(List.of(photo));
		assertThat(this.photos.counts(this.event.id())).containsEntry("HIDDEN", 1L).doesNotContainKey("PUBLISHED");
		this.mvc.perform(get(page)).andExpect(status().isNotFound());
		this.mvc.perform(get("/pro/events/" + this.event.id() + "/photos?status=HIDDEN").session(session))
			.andExpect(content().string(containsString("early.jpg")));

		// Shown again once published: public, with its watermarked version.
		bulk(session, "show", photo);
		this.mvc.perform(get(page)).andExpect(status().isOk());
		this.mvc.perform(get(page + "/web.jpg")).andExpect(status().isOk());
	}

	@Test
	void aFailedPhotoShownAgainStaysFailed() throws Exception {
		byte[] jpeg = Photos.jpeg(Photos.aFinishLineScene(1200, 800));
		this.mvc
			.perform(multipart("/api/v1/events/" + this.event.id() + "/photos").file(new MockMultipartFile("file",
					"cut.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length / 3)))
				.header("Authorization", this.token))
			.andExpect(jsonPath("$.results[0].outcome").value("ACCEPTED"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.photos.counts(this.event.id())).containsKey("FAILED"));
		UUID photo = this.photos.page(this.event.id(), this.photographer.id(), null, false, 1, 0).get(0).id();
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, this.photographer);
		bulk(session, "hide", photo);
		bulk(session, "show", photo);
		this.mvc.perform(get("/api/v1/photos/" + photo).header("Authorization", this.token))
			.andExpect(jsonPath("$.status").value("FAILED"));
		assertThat(this.photos.counts(this.event.id())).containsEntry("FAILED", 1L).doesNotContainKey("PUBLISHED");
		this.mvc.perform(get("/events/" + this.event.slug() + "/photos/" + photo)).andExpect(status().isNotFound());
	}

	private void bulk(MockHttpSession session, String action, UUID photo) throws Exception {
		this.mvc
			.perform(post("/pro/events/" + this.event.id() + "/photos/bulk").session(session)
				.with(csrf())
				.param("action", action)
				.param("photo", photo.toString()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void othersCannotUploadOrSeeTheEventsPhotos() throws Exception {
		UUID photo = this.published.publish(this.event.id(), this.photographer.id(), Photos.aFinishLineScene(1200, 800))
			.get(0);
		TestAccount stranger = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		String strangerToken = "Bearer " + this.accountManagement.createPersonalToken(stranger.id(), "t").token();
		this.mvc
			.perform(multipart("/api/v1/events/" + this.event.id() + "/photos")
				.file(new MockMultipartFile("file", "a.jpg", "image/jpeg", Photos.aFinishLinePhoto()))
				.header("Authorization", strangerToken))
			.andExpect(status().isNotFound());
		// The event's real photo: its owner sees it, a photographer of another event
		// gets the same answer as for a photo that does not exist.
		for (String path : new String[] { "/api/v1/photos/" + photo, "/api/v1/photos/" + photo + "/preview",
				"/api/v1/events/" + this.event.id() + "/photos" }) {
			this.mvc.perform(get(path).header("Authorization", this.token)).andExpect(status().isOk());
			this.mvc.perform(get(path).header("Authorization", strangerToken)).andExpect(status().isNotFound());
		}
		MockHttpSession strangerSession = AccountsTestUtils.logIn(this.mvc, stranger);
		this.mvc.perform(get("/pro/photos/" + photo).session(strangerSession)).andExpect(status().isNotFound());
		this.mvc.perform(get("/pro/photos/" + photo + "/web.jpg").session(strangerSession))
			.andExpect(status().isNotFound());
		assertThat(this.photos.counts(this.event.id())).as("the stranger's upload was not kept")
			.containsEntry("PUBLISHED", 1L)
			.hasSize(1);
	}

	@Test
	void aPhotosPageLeadsToTheNextAndPreviousPhotoAndShowsNoHash() throws Exception {
		List<UUID> ids = this.published.publish(this.event.id(), this.photographer.id(),
				Photos.aRunner(1200, 800, "7", java.awt.Color.RED, 11),
				Photos.aRunner(1200, 800, "8", java.awt.Color.RED, 12),
				Photos.aRunner(1200, 800, "9", java.awt.Color.RED, 13));
		// Triage shows the newest first: the last one sent, then the one before…
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, this.photographer);
		String middle = this.mvc.perform(get("/pro/photos/" + ids.get(1)).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(middle).contains("href=\"/pro/photos/" + ids.get(2) + "\" id=\"photo-previous\"")
			.contains("href=\"/pro/photos/" + ids.get(0) + "\" id=\"photo-next\"")
			.doesNotContain("SHA-256")
			.doesNotContain(this.photos.get(ids.get(1)).orElseThrow().sha256());
		String newest = this.mvc.perform(get("/pro/photos/" + ids.get(2)).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(newest).doesNotContain("id=\"photo-previous\"").contains("/pro/photos/" + ids.get(1));
	}

	@Test
	void theSameBytesUploadedAgainWhileAnEarlierCopyIsBeingDeletedKeepTheirOriginal() throws Exception {
		java.awt.image.BufferedImage picture = Photos.aRunner(1200, 800, "77", java.awt.Color.GREEN, 41);
		byte[] bytes = Photos.jpeg(picture);
		UUID first = this.published.publish(this.event.id(), this.photographer.id(), picture).get(0);
		String firstKey = originalKey(first);
		this.photoActions.delete(first, this.photographer.id());
		UUID again = this.published.publish(this.event.id(), this.photographer.id(), picture).get(0);
		// The first deletion's file removal, late (it runs after its commit, on a slow
		// node): it must not take the new copy's original with it.
		this.blobs.delete(firstKey);
		String againKey = originalKey(again);
		assertThat(againKey).isNotEqualTo(firstKey);
		try (java.io.InputStream in = this.blobs.open(againKey)) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
	}

	private String originalKey(UUID photo) {
		return this.jdbc.sql("select original_key from photo where id = ?").param(photo).query(String.class).single();
	}

}

package com.focusracer.recognition;

import java.awt.Color;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;
import com.focusracer.photos.PhotoDeleted;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.Photos;
import com.focusracer.privacy.AuditLog;
import com.focusracer.recognition.internal.RecognitionRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real photos through the real pipeline and models: bibs read and checked against the
 * start list, bursts linked, manual corrections that win and survive re-processing,
 * coverage, and face data only where allowed and only as long as allowed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecognitionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	EventsTestUtils events;

	@Autowired
	EventManagement eventManagement;

	@Autowired
	StartLists startLists;

	@Autowired
	PhotoManagement photos;

	@Autowired
	FaceRetentionSweep retentionSweep;

	@Autowired
	ApplicationContext context;

	@Autowired
	RecognitionRepository repository;

	@Autowired
	AuditLog audit;

	@Autowired
	com.focusracer.recognition.internal.Linker linker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.focusracer.photos.PhotosTestUtils published;

	@Autowired
	RecognitionManagement recognition;

	private final ObjectMapper json = new ObjectMapper();

	private TestAccount photographer;

	private String token;

	@BeforeEach
	void aPhotographer() {
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.token = "Bearer " + this.accountManagement.createPersonalToken(this.photographer.id(), "t").token();
	}

	@Test
	void readsBibsLinksTheBurstAndKeepsManualCorrectionsThroughReprocessing() throws Exception {
		Event event = this.events.aMarathon(this.photographer.id());
		for (String bib : List.of("1975", "2026", "318", "1318")) {
			this.startLists.save(event.id(), this.photographer.id(),
					new Runner(bib, "Runner", bib, null, null, null, null, null));
		}
		LocalDateTime start = LocalDateTime.of(2026, 10, 4, 10, 0, 0);
		Color blue = new Color(30, 60, 170);
		byte[] bibVisible = Photos.withExifDate(Photos.jpeg(Photos.aRunner(1800, 1200, "1975", blue, 1)), start);
		byte[] bibHidden = Photos.withExifDate(Photos.jpeg(Photos.aRunner(1800, 1200, null, blue, 1)),
				start.plusSeconds(2));
		byte[] other = Photos.withExifDate(Photos.jpeg(Photos.aRunner(1800, 1200, "318", new Color(200, 40, 40), 2)),
				start.plusMinutes(5));
		String response = this.mvc
			.perform(multipart("/api/v1/events/" + event.id() + "/photos")
				.file(new MockMultipartFile("file", "a.jpg", "image/jpeg", bibVisible))
				.file(new MockMultipartFile("file", "b.jpg", "image/jpeg", bibHidden))
				.file(new MockMultipartFile("file", "c.jpg", "image/jpeg", other))
				.header("Authorization", this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode results = this.json.readTree(response).get("results");
		String a = results.get(0).get("photoId").asText();
		String b = results.get(1).get("photoId").asText();
		String c = results.get(2).get("photoId").asText();
		awaitPipelineDone(event.id(), List.of(a, b, c));

		JsonNode linksOfA = links(a);
		assertThat(linksOfA.get(0).get("bib").asText()).isEqualTo("1975");
		assertThat(linksOfA.get(0).get("source").asText()).isEqualTo("OCR");
		JsonNode linksOfB = links(b);
		assertThat(linksOfB).as("the hidden-bib frame borrows its burst's runner").hasSize(1);
		assertThat(linksOfB.get(0).get("bib").asText()).isEqualTo("1975");
		assertThat(linksOfB.get(0).get("source").asText()).isEqualTo("BURST");
		// 318 is on the list, and so is 1318; the photo shows 318 whole and clear: a race
		// numbered 1…N must not lose its short bibs to the longer ones.
		assertThat(links(c)).as("a clear read names its runner").hasSize(1);
		assertThat(links(c).get(0).get("bib").asText()).isEqualTo("318");
		JsonNode readsOfC = detail(c).get("reads");
		assertThat(readsOfC.get(0).get("bib").asText()).isEqualTo("318");
		assertThat(readsOfC.get(0).get("kind").asText()).isEqualTo("ON_START_LIST");
		assertThat(detail(a).get("reads").get(0).get("kind").asText()).isEqualTo("ON_START_LIST");
		this.mvc.perform(get("/api/v1/events/" + event.id() + "/photos?bib=1975").header("Authorization", this.token))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].bibs[0]").value("1975"));

		// A person says it is 2026, not 1975: the burst follows.
		this.mvc
			.perform(put("/api/v1/photos/" + a + "/bibs").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bibs\": [\"2026\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.links[0].bib").value("2026"))
			.andExpect(jsonPath("$.links[0].source").value("MANUAL"))
			.andExpect(jsonPath("$.links.length()").value(1));
		assertThat(links(b).get(0).get("bib").asText()).isEqualTo("2026");
		this.mvc.perform(get("/api/v1/events/" + event.id() + "/photos?bib=1975").header("Authorization", this.token))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc
			.perform(put("/api/v1/photos/" + a + "/bibs").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bibs\": [\"12/34\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("letters, digits or hyphens")));

		// The team says c shows nobody of the race: removed by hand, it stays unlinked.
		this.mvc
			.perform(put("/api/v1/photos/" + c + "/bibs").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bibs\": []}"))
			.andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/events/" + event.id() + "/reprocess").header("Authorization", this.token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.scheduled").value(3));
		awaitPipelineDone(event.id(), List.of(a, b, c));
		assertThat(links(c)).as("a bib removed by hand survives re-processing").isEmpty();
		assertThat(links(a)).hasSize(1);
		assertThat(links(a).get(0).get("bib").asText()).as("the correction survives re-processing").isEqualTo("2026");

		this.mvc.perform(get("/api/v1/events/" + event.id() + "/coverage").header("Authorization", this.token))
			.andExpect(jsonPath("$.publishedPhotos").value(3))
			.andExpect(jsonPath("$.linkedPhotos").value(2))
			.andExpect(jsonPath("$.orphans").value(1))
			.andExpect(jsonPath("$.runners").value(4))
			.andExpect(jsonPath("$.runnersWithPhotos").value(1));
		String orphans = this.mvc
			.perform(get("/pro/events/" + event.id() + "/photos?orphans=true")
				.session(AccountsTestUtils.logIn(this.mvc, this.photographer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(orphans).as("triage lists the photos linked to nobody").contains("c.jpg").doesNotContain("a.jpg");
		assertThat(faceRows(event.id())).as("face features are off for this event").isZero();
	}

	@Test
	void linksAPhotoWithoutBibThroughAFaceSeenAboveABibElsewhere() throws Exception {
		Event event = this.eventManagement.create(this.photographer.id(), new EventDraft("Trail des visages",
				LocalDate.now(), "Annecy", "trail", null, Visibility.PUBLIC, true, 30, null, null, null));
		this.startLists.save(event.id(), this.photographer.id(),
				new Runner("1975", "Runner", "Face", null, null, null, null, null));
		LocalDateTime start = LocalDateTime.of(2026, 10, 4, 10, 0, 0);
		byte[] withBib = Photos.withExifDate(Photos.jpeg(Photos.aRunner(1800, 1200, "1975", Color.BLUE, 5)), start);
		byte[] withoutBib = Photos.withExifDate(
				Photos.jpeg(Photos.aRunner(1800, 1200, null, new Color(20, 130, 60), 6)), start.plusMinutes(30));
		String response = this.mvc
			.perform(multipart("/api/v1/events/" + event.id() + "/photos")
				.file(new MockMultipartFile("file", "bib.jpg", "image/jpeg", withBib))
				.file(new MockMultipartFile("file", "nobib.jpg", "image/jpeg", withoutBib))
				.header("Authorization", this.token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode results = this.json.readTree(response).get("results");
		UUID anchored = UUID.fromString(results.get(0).get("photoId").asText());
		UUID unknown = UUID.fromString(results.get(1).get("photoId").asText());
		awaitPipelineDone(event.id(), List.of(anchored.toString(), unknown.toString()));
		assertThat(links(unknown.toString())).isEmpty();

		// The face right above the bib read on the first photo, and a close one on the
		// second (cosine 0.8).
		RecognitionRepository.StoredRead bib = this.repository.reads(anchored).get(0);
		this.repository.replaceFaces(anchored, event.id(),
				List.of(new RecognitionRepository.StoredFace(UUID.randomUUID(), anchored, bib.x(), bib.y() - 0.15, 0.08,
						0.1, 0.9, 0.9, unit(0, 1.0))),
				java.time.Instant.now());
		this.repository.replaceFaces(unknown, event.id(),
				List.of(new RecognitionRepository.StoredFace(UUID.randomUUID(), unknown, 0.4, 0.1, 0.08, 0.1, 0.9, 0.9,
						unit(0, 0.8))),
				java.time.Instant.now());
		this.linker.linkWithBurst(this.photos.get(unknown).orElseThrow());
		JsonNode faceLinks = links(unknown.toString());
		assertThat(faceLinks).hasSize(1);
		assertThat(faceLinks.get(0).get("bib").asText()).isEqualTo("1975");
		assertThat(faceLinks.get(0).get("source").asText()).isEqualTo("FACE");

		// A face that only looks a little alike (cosine 0.3) names nobody.
		this.repository.replaceFaces(unknown, event.id(),
				List.of(new RecognitionRepository.StoredFace(UUID.randomUUID(), unknown, 0.4, 0.1, 0.08, 0.1, 0.9, 0.9,
						unit(0, 0.3))),
				java.time.Instant.now());
		this.linker.linkWithBurst(this.photos.get(unknown).orElseThrow());
		assertThat(links(unknown.toString())).isEmpty();
	}

	/** A unit vector with the given cosine to the first axis. */
	private static float[] unit(int axis, double cosine) {
		float[] v = new float[512];
		v[axis] = (float) cosine;
		v[axis + 1] = (float) Math.sqrt(1 - cosine * cosine);
		return v;
	}

	@Test
	void theTeamCorrectsBibsAndReprocessesFromThePages() throws Exception {
		Event event = this.events.aMarathon(this.photographer.id());
		String response = this.mvc.perform(multipart("/api/v1/events/" + event.id() + "/photos")
			.file(new MockMultipartFile("file", "one.jpg", "image/jpeg",
					Photos.jpeg(Photos.aRunner(1200, 900, "4321", Color.BLUE, 9))))
			.header("Authorization", this.token)).andReturn().getResponse().getContentAsString();
		String photo = this.json.readTree(response).get("results").get(0).get("photoId").asText();
		awaitPipelineDone(event.id(), List.of(photo));
		org.springframework.mock.web.MockHttpSession session = AccountsTestUtils.logIn(this.mvc, this.photographer);

		this.mvc
			.perform(post("/pro/photos/" + photo + "/bibs").session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("bibs", "4321 12/34"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("error", containsString("« 12/34 » n'est pas un dossard")));
		assertThat(links(photo).get(0).get("source").asText()).as("a refused correction changes nothing")
			.isEqualTo("OCR");
		this.mvc
			.perform(post("/pro/photos/" + photo + "/bibs").session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("bibs", "4321, 77"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", "Dossards enregistrés."));
		assertThat(links(photo)).extracting((link) -> link.get("bib").asText()).containsExactlyInAnyOrder("4321", "77");

		this.mvc
			.perform(post("/pro/events/" + event.id() + "/reprocess").session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/pro/events/" + event.id()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", containsString("Reconnaissance relancée pour 1 photo(s)")));
		awaitPipelineDone(event.id(), List.of(photo));
		assertThat(links(photo)).extracting((link) -> link.get("source").asText()).containsOnly("MANUAL");
	}

	@Test
	void anotherAccountCannotCorrectOrReprocessTheEvent() throws Exception {
		Event event = this.events.aMarathon(this.photographer.id());
		UUID photo = this.published
			.publish(event.id(), this.photographer.id(),
					Photos.aRunner(1800, 1200, "1975", new java.awt.Color(30, 60, 170), 1))
			.get(0);
		List<String> before = this.recognition.bibs(List.of(photo)).getOrDefault(photo, List.of());
		TestAccount stranger = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		String strangerToken = "Bearer " + this.accountManagement.createPersonalToken(stranger.id(), "t").token();
		this.mvc
			.perform(put("/api/v1/photos/" + photo + "/bibs").header("Authorization", strangerToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bibs\": [\"666\"]}"))
			.andExpect(status().isNotFound());
		MockHttpSession strangerSession = AccountsTestUtils.logIn(this.mvc, stranger);
		this.mvc
			.perform(post("/pro/photos/" + photo + "/bibs").param("bibs", "666").with(csrf()).session(strangerSession))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/events/" + event.id() + "/reprocess").header("Authorization", strangerToken))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/events/" + event.id() + "/coverage").header("Authorization", strangerToken))
			.andExpect(status().isNotFound());
		assertThat(this.recognition.bibs(List.of(photo)).getOrDefault(photo, List.of()))
			.as("the stranger's corrections changed nothing")
			.isEqualTo(before)
			.doesNotContain("666");
		assertThat(this.jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id")
			.param("id", photo.toString())
			.query(Long.class)
			.single()).as("no reprocessing scheduled by the stranger").isZero();
		// The owner's own correction goes through the same route.
		this.mvc
			.perform(put("/api/v1/photos/" + photo + "/bibs").header("Authorization", this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bibs\": [\"666\"]}"))
			.andExpect(status().isOk());
		assertThat(this.recognition.bibs(List.of(photo)).get(photo)).containsExactly("666");
	}

	@Test
	void aNumberReadButMissingFromTheStartListIsShownToTheTeamNeverLinked() throws Exception {
		Event event = this.events.aMarathon(this.photographer.id());
		this.startLists.save(event.id(), this.photographer.id(),
				new Runner("1975", "Jérôme", "Dupont", null, null, null, null, null));
		UUID photo = this.published
			.publish(event.id(), this.photographer.id(), Photos.aRunner(1800, 1200, "3638", new Color(30, 60, 170), 4))
			.get(0);
		assertThat(this.recognition.reads(photo)).anySatisfy((read) -> {
			assertThat(read.bib()).isEqualTo("3638");
			assertThat(read.kind()).isEqualTo("NOT_ON_START_LIST");
		});
		assertThat(this.recognition.links(photo)).as("not linked: the list has no such runner").isEmpty();
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, this.photographer);
		this.mvc.perform(get("/pro/photos/" + photo).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unlisted-reads\"")))
			.andExpect(content().string(containsString("3638")))
			.andExpect(content().string(containsString("pas sur la liste des inscrits")))
			.andExpect(content().string(containsString("/start-list?bib=3638")));
		// The start list opens with the add-runner form filled in with that bib.
		this.mvc.perform(get("/pro/events/" + event.id() + "/start-list").param("bib", "3638").session(session))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("id=\"runner-bib\" name=\"bib\" maxlength=\"12\" value=\"3638\"")));
		this.mvc.perform(get("/pro/events/" + event.id() + "/photos").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lu 3638, pas sur la liste")));
	}

	@Test
	void keepsFacesOnlyWhileTheEventAllowsThem() {
		Event current = this.eventManagement.create(this.photographer.id(), new EventDraft("Trail du jour",
				LocalDate.now(), "Annecy", "trail", null, Visibility.PUBLIC, true, 30, null, null, null));
		Event expired = this.eventManagement.create(this.photographer.id(), new EventDraft("Trail de l'an dernier",
				LocalDate.now().minusDays(40), "Annecy", "trail", null, Visibility.PUBLIC, true, 30, null, null, null));
		UUID photoOfCurrent = UUID.randomUUID();
		UUID photoOfExpired = UUID.randomUUID();
		this.repository.replaceFaces(photoOfCurrent, current.id(), List.of(aFace(photoOfCurrent)),
				java.time.Instant.now());
		this.repository.replaceFaces(photoOfExpired, expired.id(),
				List.of(aFace(photoOfExpired), aFace(photoOfExpired)), java.time.Instant.now());

		this.retentionSweep.sweep();

		assertThat(faceRows(current.id())).isEqualTo(1);
		assertThat(faceRows(expired.id())).isZero();
		assertThat(this.audit.latest(expired.id().toString(), 10, 0)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("faces.deleted");
			assertThat(entry.detail()).startsWith("2 faces deleted");
		});

		this.eventManagement.update(current.id(), this.photographer.id(), new EventDraft("Trail du jour",
				LocalDate.now(), "Annecy", "trail", null, Visibility.PUBLIC, false, 30, null, null, null));
		this.retentionSweep.sweep();
		assertThat(faceRows(current.id())).as("face features turned off: faces go at once").isZero();
	}

	@Test
	void forgetsTheFacesOfADeletedPhoto() {
		Event event = this.eventManagement.create(this.photographer.id(), new EventDraft("Trail du soir",
				LocalDate.now(), "Annecy", "trail", null, Visibility.PUBLIC, true, 30, null, null, null));
		UUID deleted = UUID.randomUUID();
		UUID kept = UUID.randomUUID();
		this.repository.replaceFaces(deleted, event.id(), List.of(aFace(deleted), aFace(deleted)),
				java.time.Instant.now());
		this.repository.replaceFaces(kept, event.id(), List.of(aFace(kept)), java.time.Instant.now());

		// As PhotoActions does: in the deleting transaction; the faces go after its
		// commit.
		this.context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
			.executeWithoutResult((status) -> this.context.publishEvent(new PhotoDeleted(event.id(), deleted)));

		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(faceRows(event.id())).isEqualTo(1));
	}

	@Test
	void warmsSelfieSearchOnOneThreadOfItsOwnAndLeavesSpringBootItsTaskExecutor() {
		ThreadPoolTaskExecutor warmUp = this.context.getBean(SelfieWarmUp.EXECUTOR, ThreadPoolTaskExecutor.class);
		assertThat(warmUp.getMaxPoolSize()).isOne();
		assertThat(warmUp.getThreadNamePrefix()).isEqualTo("selfie-warm-up-");
		assertThat(this.context.containsBean("applicationTaskExecutor"))
			.as("the warm-up executor is no default candidate: Spring Boot does not back off")
			.isTrue();
	}

	private static RecognitionRepository.StoredFace aFace(UUID photoId) {
		float[] embedding = new float[512];
		embedding[0] = 1;
		return new RecognitionRepository.StoredFace(UUID.randomUUID(), photoId, 0.4, 0.1, 0.05, 0.07, 0.9, 0.8,
				embedding);
	}

	private long faceRows(UUID eventId) {
		return this.jdbc.sql("select count(*) from face where event_id = ?").param(eventId).query(Long.class).single();
	}

	private JsonNode links(String photoId) throws Exception {
		return detail(photoId).get("links");
	}

	private JsonNode detail(String photoId) throws Exception {
		String body = this.mvc.perform(get("/api/v1/photos/" + photoId).header("Authorization", this.token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body);
	}

	private void awaitPipelineDone(UUID eventId, List<String> photoIds) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			assertThat(this.jdbc.sql("select count(*) from scheduled_tasks where task_instance in (:ids)")
				.param("ids", photoIds)
				.query(Long.class)
				.single()).isZero();
			assertThat(this.photos.counts(eventId)).containsEntry("PUBLISHED", (long) photoIds.size());
		});
	}

}

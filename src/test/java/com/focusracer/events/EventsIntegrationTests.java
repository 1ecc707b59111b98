package com.focusracer.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Events and start lists through the API and the pro pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	EventsTestUtils events;

	@Autowired
	StartLists startLists;

	@Autowired
	EventManagement eventManagement;

	@Autowired
	EventImages images;

	@Test
	void createsAnEventThroughTheApiAndKeepsItFromOthers() throws Exception {
		String organizer = token(ProProfile.ORGANIZER);
		String id = this.mvc
			.perform(post("/api/v1/events").header("Authorization", organizer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Semi-marathon de Nîmes\",\"date\":\"2026-03-15\",\"location\":\"Nîmes\","
						+ "\"faceSearch\":true,\"faceDataRetentionDays\":60}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.slug").value("semi-marathon-de-nimes-2026"))
			.andExpect(jsonPath("$.visibility").value("PUBLIC"))
			.andExpect(jsonPath("$.faceDataDeleteAfter").value("2026-05-14"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		this.mvc.perform(get("/api/v1/events/" + id).header("Authorization", organizer))
			.andExpect(jsonPath("$.name").value("Semi-marathon de Nîmes"));
		this.mvc.perform(get("/api/v1/events").header("Authorization", organizer)).andExpect(jsonPath("$", hasSize(1)));

		String stranger = token(ProProfile.PHOTOGRAPHER);
		this.mvc.perform(get("/api/v1/events/" + id).header("Authorization", stranger))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/v1/events/" + id + "/start-list").header("Authorization", stranger)
				.contentType("text/csv")
				.content(EventsTestUtils.aFrenchStartList()))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesAnInvalidEventSayingWhichField() throws Exception {
		this.mvc.perform(post("/api/v1/events").header("Authorization", token(ProProfile.CLUB))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Cross\",\"date\":\"2026-01-10\",\"location\":\"Pau\",\"faceDataRetentionDays\":400}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("faceDataRetentionDays"))
			.andExpect(jsonPath("$.detail").value(containsString("between 1 and 365")));
		this.mvc
			.perform(post("/api/v1/events").header("Authorization", token(ProProfile.CLUB))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Cross\",\"date\":\"10/01/2026\",\"location\":\"Pau\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("YYYY-MM-DD")));
	}

	@Test
	void importsAStartListOrNothingAndReportsBadLines() throws Exception {
		String organizer = token(ProProfile.ORGANIZER);
		String id = eventId(organizer);
		String bad = "bib,first name,last name\n1,Ann,Lee\n,Bob,Ray\n1,Cid,Moe\n2,Dan,Orr\n";
		this.mvc
			.perform(put("/api/v1/events/" + id + "/start-list").header("Authorization", organizer)
				.contentType("text/csv")
				.content(bad))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].message").value("missing bib"))
			.andExpect(jsonPath("$.errors[1].line").value(4))
			.andExpect(jsonPath("$.errors[1].message").value(containsString("bib 1 already appears")));
		this.mvc.perform(get("/api/v1/events/" + id + "/start-list").header("Authorization", organizer))
			.andExpect(jsonPath("$", hasSize(0)));

		this.mvc
			.perform(put("/api/v1/events/" + id + "/start-list?mode=valid-lines").header("Authorization", organizer)
				.contentType("text/csv")
				.content(bad))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2))
			.andExpect(jsonPath("$.rejected", hasSize(2)));
		this.mvc.perform(get("/api/v1/events/" + id + "/start-list").header("Authorization", organizer))
			.andExpect(jsonPath("$[*].bib").value(org.hamcrest.Matchers.contains("1", "2")))
			.andExpect(jsonPath("$[0].email").doesNotExist());
	}

	@Test
	void theStartListPagesShowAPreviewWithChangesBeforeApplying() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(organizer.id());
		this.startLists.importFile(event.id(), organizer.id(),
				"bib;nom;prénom\n1975;Dupont;Jérôme\n99;Absent;Paul\n".getBytes(StandardCharsets.UTF_8), false);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, organizer);

		MockMultipartFile file = new MockMultipartFile("file", "inscrits.csv", "text/csv",
				EventsTestUtils.aFrenchStartList()
					.replace("Dupont;Jérôme", "Dupont;Jérôme-Marie")
					.getBytes(StandardCharsets.ISO_8859_1));
		String previewUrl = this.mvc.perform(
				multipart("/pro/events/" + event.id() + "/start-list/uploads").file(file).session(session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String preview = this.mvc.perform(get(previewUrl).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("id=\"added-count\">2<", "id=\"changed-count\">1<", "id=\"removed-count\">1<",
				"Absent", "windows-1252");
		// Nothing changed yet.
		assertThat(this.startLists.runnersOf(event.id())).extracting(Runner::bib)
			.containsExactlyInAnyOrder("1975", "99");

		this.mvc.perform(post(previewUrl + "/apply").session(session).with(csrf()).param("mode", "all"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.startLists.runnersOf(event.id())).extracting(Runner::bib)
			.containsExactlyInAnyOrder("1975", "42", "7");
		this.mvc.perform(get("/pro/events/" + event.id() + "/start-list").session(session))
			.andExpect(content().string(containsString("Jérôme-Marie")));
	}

	@Test
	void theOwnerAddsAPhotographerWhoThenSeesTheEvent() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aTrailWithFaces(organizer.id());
		MockHttpSession photographerSession = AccountsTestUtils.logIn(this.mvc, photographer);
		this.mvc.perform(get("/pro/events/" + event.id()).session(photographerSession))
			.andExpect(status().isNotFound());

		this.mvc
			.perform(post("/pro/events/" + event.id() + "/photographers")
				.session(AccountsTestUtils.logIn(this.mvc, organizer))
				.with(csrf())
				.param("email", photographer.email()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/pro/events/" + event.id()).session(photographerSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Trail des Monts")));
		// Photographers see the event but may not change it.
		this.mvc.perform(get("/pro/events/" + event.id() + "/edit").session(photographerSession))
			.andExpect(status().isNotFound());
	}

	@Test
	void createsAndEditsAnEventFromTheForm() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.FEDERATION);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, organizer);
		this.mvc
			.perform(post("/pro/events").session(session)
				.with(csrf())
				.param("name", "Championnat")
				.param("date", "2026-09-01")
				.param("location", "")
				.param("visibility", "PRIVATE"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Indiquez le lieu")));
		String location = this.mvc
			.perform(post("/pro/events").session(session)
				.with(csrf())
				.param("name", "Championnat")
				.param("date", "2026-09-01")
				.param("location", "Vichy")
				.param("visibility", "PRIVATE")
				.param("faceSearch", "on")
				.param("faceDataRetentionDays", "10"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(location).session(session))
			.andExpect(content().string(containsString("Championnat")))
			.andExpect(content().string(containsString("Privée")));
	}

	@Test
	void theOwnerSetsALogoAndACoverThatAreReencoded() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(organizer.id());
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, organizer);
		byte[] logo = com.focusracer.photos.Photos.png(com.focusracer.photos.Photos.aFinishLineScene(1200, 600));
		byte[] cover = com.focusracer.photos.Photos.withExifOrientation(
				com.focusracer.photos.Photos.jpeg(com.focusracer.photos.Photos.aFinishLineScene(3000, 2000)), 1);
		this.mvc
			.perform(multipart("/pro/events/" + event.id())
				.file(new MockMultipartFile("logo", "logo.png", "image/png", logo))
				.file(new MockMultipartFile("cover", "cover.jpg", "image/jpeg", cover))
				.session(session)
				.with(csrf())
				.param("name", event.name())
				.param("date", event.date().toString())
				.param("location", event.location())
				.param("visibility", "PUBLIC"))
			.andExpect(status().is3xxRedirection());
		byte[] storedLogo = this.mvc.perform(get("/pro/events/" + event.id() + "/images/logo").session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(storedLogo)).getWidth()).isEqualTo(600);
		byte[] storedCover = this.mvc.perform(get("/pro/events/" + event.id() + "/images/cover").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(storedCover, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET-SERIAL");
		this.mvc.perform(get("/pro/events/" + event.id()).session(session))
			.andExpect(content().string(containsString("/images/cover")));

		this.mvc
			.perform(multipart("/pro/events/" + event.id())
				.file(new MockMultipartFile("logo", "logo.png", "image/png",
						"not an image".getBytes(StandardCharsets.UTF_8)))
				.session(session)
				.with(csrf())
				.param("name", event.name())
				.param("date", event.date().toString())
				.param("location", event.location()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("illisible")));
	}

	@Test
	void aCoverWhoseHeaderClaimsAPixelFloodIsRefusedBeforeDecodingAndCreatesNothing() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, organizer);
		// 17 bytes whose frame header claims 60,000 × 60,000 pixels (3.6 gigapixels).
		byte[] flood = com.focusracer.photos.Photos.aJpegHeaderClaiming(60000, 60000);
		this.mvc
			.perform(multipart("/pro/events").file(new MockMultipartFile("cover", "cover.jpg", "image/jpeg", flood))
				.session(session)
				.with(csrf())
				.param("name", "Foulées de Rennes")
				.param("date", "2026-05-10")
				.param("location", "Rennes"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString(
					"Image de couverture : l'image fait 60000 × 60000 pixels, 10000 pixels de côté au plus.")))
			// What was typed is still in the form.
			.andExpect(content().string(containsString("value=\"Foulées de Rennes\"")));
		assertThat(this.eventManagement.forAccount(organizer.id(), true)).isEmpty();

		Event event = this.events.aMarathon(organizer.id());
		this.mvc
			.perform(multipart("/pro/events/" + event.id())
				.file(new MockMultipartFile("logo", "logo.png", "image/png",
						com.focusracer.photos.Photos.aPngHeaderClaiming(20000, 100)))
				.session(session)
				.with(csrf())
				.param("lang", "en")
				.param("name", event.name())
				.param("date", event.date().toString())
				.param("location", event.location()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content()
				.string(containsString("Logo: the image is 20000 × 100 pixels, at most 10000 pixels per side.")));
		assertThat(this.images.get(event.id(), EventImages.Kind.LOGO)).isEmpty();
	}

	@Test
	void requestBodiesAreBoundedAndTheAnswerSaysTheLimit() throws Exception {
		String organizer = token(ProProfile.ORGANIZER);
		String id = eventId(organizer);
		this.mvc
			.perform(put("/api/v1/events/" + id + "/start-list").header("Authorization", organizer)
				.contentType("text/csv")
				.content(EventsTestUtils.aFrenchStartList()))
			.andExpect(status().isOk());
		// 11 MB of start list: refused unread, and the list stays as it was.
		byte[] huge = (EventsTestUtils.aFrenchStartList()
				+ "1;Dupont;Jean;SEM;AC Lyon;jean@example.fr\n".repeat(300_000))
			.getBytes(StandardCharsets.UTF_8);
		assertThat(huge.length).isGreaterThan(10 * 1024 * 1024);
		this.mvc
			.perform(put("/api/v1/events/" + id + "/start-list").header("Authorization", organizer)
				.contentType("text/csv")
				.content(huge))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString("larger than 10 MB, the most a start list may be")));
		assertThat(this.startLists.count(java.util.UUID.fromString(id))).isEqualTo(3);

		// Any other JSON body: 1 MB.
		this.mvc
			.perform(post("/api/v1/events").header("Authorization", organizer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Cross\",\"date\":\"2026-01-10\",\"location\":\"Pau\",\"description\":\""
						+ "x".repeat(1024 * 1024) + "\"}"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("larger than 1 MB")));
	}

	@Test
	void theStartListPageRefusesAFileOverTheLimitBeforeReadingItAndSaysSo() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(organizer.id());
		this.startLists.importFile(event.id(), organizer.id(),
				EventsTestUtils.aFrenchStartList().getBytes(StandardCharsets.UTF_8), false);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, organizer);
		MockMultipartFile file = new MockMultipartFile("file", "inscrits.csv", "text/csv",
				new byte[10 * 1024 * 1024 + 1]);
		String back = this.mvc.perform(
				multipart("/pro/events/" + event.id() + "/start-list/uploads").file(file).session(session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(back).isEqualTo("/pro/events/" + event.id() + "/start-list");
		org.springframework.web.servlet.FlashMap flash = this.mvc.perform(
				multipart("/pro/events/" + event.id() + "/start-list/uploads").file(file).session(session).with(csrf()))
			.andReturn()
			.getFlashMap();
		this.mvc.perform(get(back).session(session).flashAttrs(flash))
			.andExpect(
					content().string(containsString("Ce fichier dépasse 10 Mo, le maximum pour une liste de départ")))
			.andExpect(content().string(containsString("Jérôme")));
		assertThat(this.startLists.count(event.id())).isEqualTo(3);
	}

	@Test
	void photographersOfTheTeamDoNotSeeRunnersEmailsAndBirthYears() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(organizer.id());
		this.startLists.importFile(event.id(), organizer.id(),
				EventsTestUtils.aFrenchStartList().getBytes(StandardCharsets.UTF_8), false);
		this.startLists.save(event.id(), organizer.id(),
				new Runner("512", "Inès", "Garnier", "ines@example.fr", "V1F", null, "F", 1971));
		this.eventManagement.addPhotographer(event.id(), organizer.id(), photographer.email());

		this.mvc
			.perform(get("/pro/events/" + event.id() + "/start-list")
				.session(AccountsTestUtils.logIn(this.mvc, organizer)))
			.andExpect(content().string(containsString("jerome@example.fr")))
			.andExpect(content().string(containsString("<td>1971</td>")));
		this.mvc
			.perform(get("/pro/events/" + event.id() + "/start-list")
				.session(AccountsTestUtils.logIn(this.mvc, photographer)))
			.andExpect(content().string(containsString("Jérôme")))
			.andExpect(content().string(containsString("Inès")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("@example.fr"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(">1971<"))))
			.andExpect(content().string(containsString("visibles que du responsable de l'événement")));
		assertThat(this.startLists.list(event.id(), photographer.id())).isNotEmpty()
			.allSatisfy((runner) -> assertThat(runner.email()).isNull())
			.allSatisfy((runner) -> assertThat(runner.birthYear()).isNull());
	}

	private String eventId(String authorization) throws Exception {
		return this.mvc
			.perform(post("/api/v1/events").header("Authorization", authorization)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"10 km de Lille\",\"date\":\"2026-04-05\",\"location\":\"Lille\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}

	private String token(ProProfile profile) {
		TestAccount account = this.accounts.aPro(profile);
		return "Bearer " + this.accountManagement.createPersonalToken(account.id(), "test").token();
	}

}

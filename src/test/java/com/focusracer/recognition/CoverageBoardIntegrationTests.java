package com.focusracer.recognition;

import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.focusracer.accounts.AccountsTestUtils.from;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The race-day coverage board: who has no photo yet by category, the orphans with the way
 * to fix them, live news as photos are published, and only for the event's team.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CoverageBoardIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	EventManagement eventManagement;

	@Autowired
	StartLists startLists;

	@Autowired
	PhotosTestUtils photos;

	private TestAccount owner;

	private Event event;

	@BeforeEach
	void anEventWithAStartList() {
		this.owner = this.accounts.aPro(ProProfile.ORGANIZER);
		this.event = this.events.aMarathon(this.owner.id());
		this.startLists.save(this.event.id(), this.owner.id(),
				new Runner("1975", "Ada", "Found", null, "SEM", null, null, null));
		this.startLists.save(this.event.id(), this.owner.id(),
				new Runner("318", "Bob", "Missing", "bob@example.org", "V1", null, null, 1970));
		this.startLists.save(this.event.id(), this.owner.id(),
				new Runner("4444", "Cleo", "Waiting", null, "SEM", null, null, null));
	}

	@Test
	void listsTheRunnersWithoutPhotoByCategoryAndTheOrphansWithTheWayToFixThem() throws Exception {
		List<UUID> published = this.photos.publish(this.event.id(), this.owner.id(),
				Photos.aRunner(1800, 1200, "1975", new Color(30, 60, 170), 1),
				Photos.aRunner(1800, 1200, null, new Color(200, 40, 40), 2));
		String page = board(AccountsTestUtils.logIn(this.mvc, this.owner));
		assertThat(page).contains("Coureurs avec des photos : 1 sur 3")
			.contains("data-category=\"SEM\"")
			.contains("data-category=\"V1\"")
			.contains("data-bib=\"318\"")
			.contains("data-bib=\"4444\"")
			.doesNotContain("data-bib=\"1975\"")
			.as("the runners' private fields stay with the organizer")
			.doesNotContain("bob@example.org")
			.contains("/pro/photos/" + published.get(1) + "/preview.jpg")
			.doesNotContain("/pro/photos/" + published.get(0) + "/preview.jpg")
			.contains("/pro/events/" + this.event.id() + "/photos?orphans=true")
			.contains("<script src=\"/js/coverage.js\" defer></script>");
	}

	@Test
	void groupsTheRunnersWithoutPhotoByStartWaveWithinTheirCategory() throws Exception {
		this.startLists.save(this.event.id(), this.owner.id(),
				new Runner("501", "Dan", "Late", null, "SEM", null, null, null, "10:00", null));
		this.startLists.save(this.event.id(), this.owner.id(),
				new Runner("500", "Eve", "Early", null, "SEM", null, null, null, "09:30", null));
		String page = board(AccountsTestUtils.logIn(this.mvc, this.owner));
		String sem = page.substring(page.indexOf("data-category=\"SEM\""), page.indexOf("data-category=\"V1\""));
		// SEM: no wave (1975, 4444), then 09:30, then 10:00, each with its count.
		assertThat(sem).containsPattern("(?s)<summary>SEM <span class=\"count\">4</span>.*"
				+ "data-wave=\"\">\\s*<h3>Sans vague <span class=\"count\">2</span>.*data-bib=\"1975\".*data-bib=\"4444\".*"
				+ "data-wave=\"09:30\">\\s*<h3>Vague 09:30 <span class=\"count\">1</span>.*data-bib=\"500\".*"
				+ "data-wave=\"10:00\">\\s*<h3>Vague 10:00 <span class=\"count\">1</span>.*data-bib=\"501\"");
		// A category of one wave (none here) has no wave heading.
		String v1 = page.substring(page.indexOf("data-category=\"V1\""));
		assertThat(v1.substring(0, v1.indexOf("</details>"))).contains("data-bib=\"318\"").doesNotContain("<h3>");
	}

	@Test
	void theEventsPhotographerSeesItAnotherProGetsNotFound() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.eventManagement.addPhotographer(this.event.id(), this.owner.id(), photographer.email());
		assertThat(board(AccountsTestUtils.logIn(this.mvc, photographer))).contains("data-bib=\"318\"");

		MockHttpSession stranger = AccountsTestUtils.logIn(this.mvc, this.accounts.aPro(ProProfile.ORGANIZER));
		this.mvc.perform(get("/pro/events/" + this.event.id() + "/coverage").session(stranger).accept("text/html"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/pro/events/" + this.event.id() + "/coverage/live").session(stranger)
				.accept("text/event-stream")
				.with(from(AccountsTestUtils.randomIp())))
			.andExpect(status().isNotFound());
		MockHttpSession runner = AccountsTestUtils.logIn(this.mvc,
				this.accounts.anAccount(com.focusracer.accounts.Role.RUNNER));
		this.mvc.perform(get("/pro/events/" + this.event.id() + "/coverage").session(runner).accept("text/html"))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
	}

	@Test
	void theBoardHearsOfEachPhotoPublished() throws Exception {
		MockHttpServletResponse stream = this.mvc
			.perform(get("/pro/events/" + this.event.id() + "/coverage/live")
				.session(AccountsTestUtils.logIn(this.mvc, this.owner))
				.accept("text/event-stream")
				.with(from(AccountsTestUtils.randomIp())))
			.andExpect(request().asyncStarted())
			.andReturn()
			.getResponse();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(stream.getContentAsString()).contains("event:figures"));
		List<UUID> published = this.photos.publish(this.event.id(), this.owner.id(),
				Photos.aRunner(1800, 1200, "4444", new Color(30, 60, 170), 3));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(stream.getContentAsString()).contains("event:photo")
				.contains("\"photoId\":\"" + published.get(0) + "\"")
				.contains("\"bibs\":[\"4444\"]")
				.contains("\"runnersWithPhotos\":1"));
	}

	@Test
	void thePublicPageSaysHowManyRunnersHavePhotosOncePhotosArePublished() throws Exception {
		assertThat(publicPage("fr")).as("nothing to say before any photo").doesNotContain("runners-with-photos");
		this.photos.publish(this.event.id(), this.owner.id(),
				Photos.aRunner(1800, 1200, "1975", new Color(30, 60, 170), 1));
		assertThat(publicPage("fr")).contains("1 coureur sur 3 a des photos").contains("dernière photo ajoutée le");
		assertThat(publicPage("en")).contains("1 of 3 runners have photos").contains("last photo added");
	}

	private String publicPage(String language) throws Exception {
		return this.mvc.perform(get("/events/" + this.event.slug()).param("lang", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String board(MockHttpSession session) throws Exception {
		return this.mvc
			.perform(get("/pro/events/" + this.event.id() + "/coverage").session(session).accept("text/html"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}

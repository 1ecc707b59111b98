package com.focusracer.admin;

import java.awt.Color;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.mail.Outbox;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.privacy.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins open any event and photo read-only, see each event's recognition quality, hide
 * or remove with a reason the pro is told by e-mail, every action audited; nobody else
 * may.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModerationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils eventFixtures;

	@Autowired
	EventManagement events;

	@Autowired
	StartLists startLists;

	@Autowired
	PhotosTestUtils published;

	@Autowired
	PhotoManagement photos;

	@Autowired
	Outbox outbox;

	@Autowired
	AuditLog audit;

	private TestAccount organizer;

	private Event event;

	private UUID photo;

	private MockHttpSession admin;

	@BeforeEach
	void anEventWithAPhoto() throws Exception {
		this.organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		this.event = this.eventFixtures.aMarathon(this.organizer.id());
		this.startLists.save(this.event.id(), this.organizer.id(),
				new Runner("1975", "Ada", "Found", null, "SEM", null, null, null));
		this.startLists.save(this.event.id(), this.organizer.id(),
				new Runner("318", "Bob", "Missing", null, "V1", null, null, null));
		this.photo = this.published
			.publish(this.event.id(), this.organizer.id(),
					Photos.aRunner(1800, 1200, "1975", new Color(30, 60, 170), 1))
			.get(0);
		this.admin = AccountsTestUtils.logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));
	}

	@Test
	void anAdminOpensAnyEventAndPhotoReadOnlyWithTheEventsRecognitionQuality() throws Exception {
		assertThat(page("/admin/events", this.admin)).contains("/admin/events/" + this.event.id());
		String page = page("/admin/events/" + this.event.id(), this.admin);
		assertThat(page).contains(this.organizer.email())
			.contains("id=\"quality-published\">1<")
			.contains("id=\"quality-OCR\">100 % (1)<")
			.contains("id=\"quality-FACE\">0 % (0)<")
			.contains("id=\"quality-runners\">50 % (1) / 2<")
			.contains("id=\"quality-orphans\">0<")
			.contains("/admin/photos/" + this.photo + "/preview.jpg");
		assertThat(page("/admin/photos/" + this.photo, this.admin)).contains("reads-overlay")
			.contains("data-bib=\"1975\"")
			.as("read-only: none of the team's forms")
			.doesNotContain("/pro/photos/" + this.photo + "/bibs");
		this.mvc.perform(get("/admin/photos/" + this.photo + "/web.jpg").session(this.admin))
			.andExpect(status().isOk());
	}

	@Test
	void hidingAnEventTakesItOffThePublicTellsTheOrganizerAndIsAudited() throws Exception {
		this.mvc
			.perform(post("/admin/events/" + this.event.id() + "/moderation").param("hidden", "true")
				.param("reason", "")
				.with(csrf())
				.session(this.admin))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("Indiquez un motif")));
		assertThat(this.events.get(this.event.id()).orElseThrow().hiddenByModeration()).isFalse();

		this.mvc
			.perform(post("/admin/events/" + this.event.id() + "/moderation").param("hidden", "true")
				.param("reason", "Photos d'une autre course")
				.with(csrf())
				.session(this.admin))
			.andExpect(status().is3xxRedirection());
		assertThat(this.events.get(this.event.id()).orElseThrow().moderationReason())
			.isEqualTo("Photos d'une autre course");
		assertThat(this.events.findBySlug(this.event.slug())).as("gone from the public pages").isEmpty();
		assertThat(this.events.listed()).noneMatch((listed) -> listed.id().equals(this.event.id()));
		assertThat(this.outbox.latest(this.organizer.email(), 5))
			.anyMatch((mail) -> mail.subject().contains("votre événement est masqué"));
		assertThat(page("/admin/audit?event=" + this.event.id(), this.admin))
			.contains("Événement masqué par la modération")
			.contains("une autre course");
	}

	@Test
	void hidingAndRemovingAPhotoTellsItsUploaderAndIsAudited() throws Exception {
		this.mvc
			.perform(post("/admin/photos/" + this.photo + "/moderation").param("action", "hide")
				.param("reason", "Image choquante")
				.with(csrf())
				.session(this.admin))
			.andExpect(status().is3xxRedirection());
		assertThat(this.photos.get(this.photo).orElseThrow().hidden()).isTrue();
		assertThat(this.outbox.latest(this.organizer.email(), 5))
			.anyMatch((mail) -> mail.subject().contains("une photo est masquée"));
		this.mvc
			.perform(post("/pro/events/" + this.event.id() + "/photos/bulk").param("photo", this.photo.toString())
				.param("action", "show")
				.with(csrf())
				.session(AccountsTestUtils.logIn(this.mvc, this.organizer)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.photos.get(this.photo).orElseThrow().hidden()).as("only admins show it again").isTrue();

		this.mvc
			.perform(post("/admin/photos/" + this.photo + "/moderation").param("action", "remove")
				.param("reason", "Image choquante")
				.with(csrf())
				.session(this.admin))
			.andExpect(status().is3xxRedirection());
		assertThat(this.photos.get(this.photo)).isEmpty();
		assertThat(page("/admin/audit?event=" + this.event.id(), this.admin))
			.contains("Photo masquée par la modération")
			.contains("Photo supprimée par la modération");
	}

	@Test
	void onlyAdminsMayAndOnlyWithTheCsrfToken() throws Exception {
		MockHttpSession pro = AccountsTestUtils.logIn(this.mvc, this.organizer);
		for (String path : List.of("/admin/events", "/admin/events/" + this.event.id(), "/admin/photos/" + this.photo,
				"/admin/photos/" + this.photo + "/web.jpg", "/admin/reports")) {
			this.mvc.perform(get(path).session(pro)).andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/admin/events/" + this.event.id() + "/moderation").param("hidden", "true")
				.param("reason", "x")
				.with(csrf())
				.session(pro))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/photos/" + this.photo + "/moderation").param("action", "hide")
				.param("reason", "x")
				.session(this.admin))
			.andExpect(status().isForbidden());
		assertThat(this.photos.get(this.photo).orElseThrow().hidden()).isFalse();
		assertThat(this.events.get(this.event.id()).orElseThrow().hiddenByModeration()).isFalse();
	}

	@Test
	void theReportsListTheRunnersHideRequests() throws Exception {
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		MockHttpSession runnerSession = AccountsTestUtils.logIn(this.mvc, runner);
		this.mvc.perform(post("/account/photos/" + this.photo + "/hide").with(csrf()).session(runnerSession))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isLessThan(400));
		assertThat(page("/admin/reports", this.admin)).contains("data-photo=\"" + this.photo + "\"");
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}

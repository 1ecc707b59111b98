package com.focusracer.photos;

import java.awt.Color;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * In an event's team, a photographer hides, deletes and re-runs the photos they uploaded,
 * not a fellow photographer's; the event's owner acts on all of them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventTeamIntegrationTests {

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
	PhotosTestUtils published;

	@Autowired
	PhotoManagement photos;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPhotographerActsOnTheirOwnPhotosOnlyAndTheOwnerOnAll() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount ann = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount bob = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(owner.id());
		this.eventManagement.addPhotographer(event.id(), owner.id(), ann.email());
		this.eventManagement.addPhotographer(event.id(), owner.id(), bob.email());
		UUID annsPhoto = this.published.publish(event.id(), ann.id(), Photos.aRunner(900, 600, "12", Color.RED, 1))
			.get(0);
		UUID bobsPhoto = this.published.publish(event.id(), bob.id(), Photos.aRunner(900, 600, "34", Color.BLUE, 2))
			.get(0);
		MockHttpSession annSession = AccountsTestUtils.logIn(this.mvc, ann);

		// Re-processing the event: Ann's photo only; the owner's: both.
		String annToken = "Bearer " + this.accountManagement.createPersonalToken(ann.id(), "t").token();
		String ownerToken = "Bearer " + this.accountManagement.createPersonalToken(owner.id(), "t").token();
		this.mvc.perform(post("/api/v1/events/" + event.id() + "/reprocess").header("Authorization", annToken))
			.andExpect(jsonPath("$.scheduled").value(1));
		this.mvc.perform(post("/api/v1/events/" + event.id() + "/reprocess").header("Authorization", ownerToken))
			.andExpect(jsonPath("$.scheduled").value(2));
		this.published.awaitIdle(List.of(annsPhoto, bobsPhoto));

		// Ann hides both: hers is hidden, Bob's stays published, and the page says why.
		FlashMap flash = this.mvc
			.perform(post("/pro/events/" + event.id() + "/photos/bulk").session(annSession)
				.with(csrf())
				.param("action", "hide")
				.param("photo", annsPhoto.toString(), bobsPhoto.toString()))
			.andReturn()
			.getFlashMap();
		assertThat(hidden(annsPhoto)).isTrue();
		assertThat(hidden(bobsPhoto)).isFalse();
		this.mvc.perform(get("/pro/events/" + event.id() + "/photos").session(annSession).flashAttrs(flash))
			.andExpect(content()
				.string(containsString("1 photo(s) n'ont pas changé : un autre photographe les a envoyées.")));

		// Nor may she delete or re-run Bob's photo; its page offers her no such action.
		this.mvc.perform(post("/pro/events/" + event.id() + "/photos/bulk").session(annSession)
			.with(csrf())
			.param("action", "delete")
			.param("photo", bobsPhoto.toString()));
		assertThat(this.photos.get(bobsPhoto)).isPresent();
		String refused = this.mvc
			.perform(post("/pro/events/" + event.id() + "/photos/bulk").session(annSession)
				.with(csrf())
				.param("action", "rerun")
				.param("back", "viewer")
				.param("photo", bobsPhoto.toString()))
			.andReturn()
			.getFlashMap()
			.get("error")
			.toString();
		assertThat(refused).contains("Cette photo a été envoyée par un autre photographe");
		assertThat(this.jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
			.param(bobsPhoto.toString())
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(get("/pro/photos/" + bobsPhoto).session(annSession))
			.andExpect(content().string(containsString("id=\"not-yours\"")))
			.andExpect(content().string(not(containsString("/photos/bulk"))));
		this.mvc.perform(get("/pro/photos/" + annsPhoto).session(annSession))
			.andExpect(content().string(containsString("/photos/bulk")));

		// The owner hides Bob's photo and deletes Ann's.
		this.mvc.perform(post("/pro/events/" + event.id() + "/photos/bulk").with(user(this.accounts.principal(owner)))
			.with(csrf())
			.param("action", "hide")
			.param("photo", bobsPhoto.toString()));
		assertThat(hidden(bobsPhoto)).isTrue();
		this.mvc.perform(post("/pro/events/" + event.id() + "/photos/bulk").with(user(this.accounts.principal(owner)))
			.with(csrf())
			.param("action", "delete")
			.param("photo", annsPhoto.toString()));
		assertThat(this.photos.get(annsPhoto)).isEmpty();
	}

	private boolean hidden(UUID photoId) {
		return this.photos.get(photoId).orElseThrow().hidden();
	}

}

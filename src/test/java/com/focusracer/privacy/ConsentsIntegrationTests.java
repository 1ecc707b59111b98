package com.focusracer.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.Visibility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Consents are recorded with the text shown, when and how, and withdrawn the way they
 * were given: a photo alert by its e-mailed links, an event's face features by the
 * organizer's form.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsentsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	EventManagement eventManagement;

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPhotoAlertIsAConsentGivenByTheLinkAndWithdrawnByTheOther() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(organizer.id());
		String email = AccountsTestUtils.uniqueEmail("alert");
		this.mvc
			.perform(post("/events/" + event.slug() + "/alerts").param("bib", "512").param("email", email).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Person person = new Person(null, email, null, "fr");
		assertThat(this.consents.of(person)).isEmpty();
		String confirm = this.accounts.linkInLatestMail(email, "");
		this.mvc.perform(get(confirm)).andExpect(status().isOk());
		List<Map<String, Object>> given = this.consents.of(person);
		assertThat(given).singleElement().satisfies((consent) -> {
			assertThat(consent.get("purpose")).isEqualTo("PHOTO_ALERTS");
			assertThat(consent.get("subject")).isEqualTo("512");
			assertThat((String) consent.get("text_shown")).contains("dossard 512", "un lien dans chaque e-mail");
			assertThat(consent.get("how")).isEqualTo("form, confirmed by the e-mailed link");
			assertThat(consent.get("given_at")).isNotNull();
			assertThat(consent.get("withdrawn_at")).isNull();
		});
		this.mvc.perform(get(confirm.replace("/confirm", "/unsubscribe"))).andExpect(status().isOk());
		assertThat(this.consents.of(person)).singleElement().satisfies((consent) -> {
			assertThat(consent.get("withdrawn_at")).isNotNull();
			assertThat(consent.get("withdrawn_how")).isEqualTo("unsubscribe link in the e-mail");
		});
	}

	@Test
	void anEventsFaceFeaturesAreTheOrganizersRecordedDecision() {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aTrailWithFaces(organizer.id());
		Person person = new Person(organizer.id(), organizer.email(), null, "fr");
		assertThat(this.consents.of(person)).singleElement().satisfies((consent) -> {
			assertThat(consent.get("purpose")).isEqualTo("EVENT_FACE_FEATURES");
			assertThat(consent.get("event_id")).isEqualTo(event.id());
			assertThat((String) consent.get("text_shown")).startsWith("Activer la détection des visages");
			assertThat(consent.get("withdrawn_at")).isNull();
		});
		this.eventManagement.update(event.id(), organizer.id(), new EventDraft(event.name(), LocalDate.of(2026, 6, 14),
				"Annecy", "trail", null, Visibility.UNLISTED, false, 45, null, null, null));
		assertThat(this.consents.of(person)).singleElement()
			.satisfies((consent) -> assertThat(consent.get("withdrawn_how")).isEqualTo("event form checkbox unticked"));
	}

}

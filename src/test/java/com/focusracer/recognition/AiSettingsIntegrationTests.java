package com.focusracer.recognition;

import java.awt.Color;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventException;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.Visibility;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.recognition.internal.Recognizers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The platform's AI settings at /admin/ai: thresholds the bib reader uses from the next
 * photo on, face features the platform may forbid (organizers cannot turn them on, events
 * that have them are treated as off), the provider only among those configured, every
 * change audited with before and after, admins only; and an admin re-processes any event.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AiSettingsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	EventManagement eventManagement;

	@Autowired
	RecognitionSettings settings;

	@Autowired
	RecognitionManagement recognition;

	@Autowired
	Recognizers recognizers;

	@Autowired
	PhotosTestUtils photos;

	@Autowired
	JdbcClient jdbc;

	private MockHttpSession admin;

	@BeforeEach
	void anAdmin() throws Exception {
		this.admin = AccountsTestUtils.logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));
	}

	@AfterEach
	void backToTheDefaults() {
		this.jdbc.sql("delete from recognition_setting").update();
		ReflectionTestUtils.setField(this.settings, "cached", null);
	}

	@Test
	void aThresholdChangedAtRuntimeIsUsedByTheReaderAndAuditedWithBeforeAndAfter() throws Exception {
		assertThat(page("/admin/ai")).contains("value=\"0.85\"").contains("value=\"0.6\"");
		save("0.9", "0.6", true, "local").andExpect(flash().attribute("notice", containsString("enregistrés")));
		assertThat(this.settings.current().minimumConfidence()).isEqualTo(0.9);
		assertThat(this.recognizers.bibReader().settings().minimumConfidence()).isEqualTo(0.9);
		assertThat(this.recognizers.bibReader().settings().startListConfidence()).isEqualTo(0.6);
		assertThat(this.jdbc.sql("select count(*) from recognition_setting").query(Long.class).single())
			.as("only what differs from the code is stored")
			.isEqualTo(1);
		assertThat(page("/admin/audit?action=AI_SETTINGS_CHANGED")).contains("Réglages IA changés")
			.contains("minimumConfidence: 0.85 → 0.9");

		save("1.5", "0.6", true, "local").andExpect(flash().attribute("error", containsString("de 0,3 à 0,99")));
		assertThat(this.settings.current().minimumConfidence()).isEqualTo(0.9);
		save("0.85", "0.6", true, "local");
		assertThat(this.jdbc.sql("select count(*) from recognition_setting").query(Long.class).single())
			.as("back to the code's default")
			.isZero();
	}

	@Test
	void withoutFaceFeaturesAllowedOrganizersCannotTurnThemOnAndEventsHavingThemAreTreatedAsOff() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event withFaces = this.events.aTrailWithFaces(organizer.id());
		assertThat(this.settings.facesOn(withFaces)).isTrue();
		save("0.85", "0.6", false, "local");
		assertThat(this.settings.facesOn(withFaces)).isFalse();
		assertThat(this.recognition.available()).as("no selfie search, no face checkbox").isFalse();
		assertThatThrownBy(() -> this.eventManagement.create(organizer.id(),
				new EventDraft("Visages " + UUID.randomUUID(), LocalDate.of(2026, 9, 1), "Lyon", "trail", null,
						Visibility.PUBLIC, true, 30, null, null, null)))
			.isInstanceOf(EventException.class)
			.hasMessageContaining("event.faces.notAllowed");
		assertThat(page("/admin/audit?action=AI_SETTINGS_CHANGED")).contains("faceFeaturesAllowed: true → false");
	}

	@Test
	void awsCanOnlyBeChosenWhenConfigured() throws Exception {
		assertThat(page("/admin/ai")).contains("id=\"aws-not-configured\"").doesNotContain("id=\"provider-aws\"");
		save("0.85", "0.6", true, "aws").andExpect(flash().attribute("error", containsString("pas configuré")));
		assertThat(this.settings.current().provider()).isEqualTo("local");
	}

	@Test
	void anAdminReprocessesAnyEvent() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(organizer.id());
		this.photos.publish(event.id(), organizer.id(), Photos.aRunner(1200, 800, "1975", new Color(30, 60, 170), 1));
		this.mvc.perform(post("/admin/events/" + event.id() + "/reprocess").with(csrf()).session(this.admin))
			.andExpect(flash().attribute("notice", containsString("1 photo(s)")));
	}

	@Test
	void onlyAdminsWithTheCsrfTokenChangeThem() throws Exception {
		MockHttpSession pro = AccountsTestUtils.logIn(this.mvc, this.accounts.aPro(ProProfile.ORGANIZER));
		this.mvc.perform(get("/admin/ai").session(pro)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/ai").param("minimumConfidence", "0.5")
				.param("startListConfidence", "0.5")
				.with(csrf())
				.session(pro))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/ai").param("minimumConfidence", "0.5")
				.param("startListConfidence", "0.5")
				.session(this.admin))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/events/" + UUID.randomUUID() + "/reprocess").with(csrf()).session(pro))
			.andExpect(status().isForbidden());
		assertThat(this.settings.current().minimumConfidence()).isEqualTo(0.85);
	}

	private org.springframework.test.web.servlet.ResultActions save(String minimum, String startList, boolean faces,
			String provider) throws Exception {
		var request = post("/admin/ai").param("minimumConfidence", minimum)
			.param("startListConfidence", startList)
			.param("provider", provider)
			.with(csrf())
			.session(this.admin);
		if (faces) {
			request.param("faceFeaturesAllowed", "true");
		}
		return this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).session(this.admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}

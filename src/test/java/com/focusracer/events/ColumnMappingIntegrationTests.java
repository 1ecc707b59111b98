package com.focusracer.events;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exports of platforms without an API (KMS…): columns mapped once per event, the mapping
 * reused for the next file, then the usual preview.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ColumnMappingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventManagement events;

	@Autowired
	StartLists startLists;

	MockHttpSession session;

	Event event;

	@BeforeEach
	void anOrganizersEvent() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		this.session = AccountsTestUtils.logIn(this.mvc, organizer);
		this.event = this.events.create(organizer.id(), new EventDraft("Cross de Lunel", LocalDate.now().plusDays(9),
				"Lunel", "running", null, Visibility.PUBLIC, false, null, null, null, null));
	}

	@Test
	void mapsAnExportsColumnsOnceAndReusesTheMapping() throws Exception {
		String export = "N° Doss;Nom coureur;Prénom coureur;Course;Transpondeur\n1;Dupont;Jean;10 km;T001\n"
				+ "2;Martin;Léa;Semi;T002\n";
		String form = uploadExport(export);
		this.mvc.perform(get(form).session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"Nom coureur\"")));
		this.mvc.perform(post(form).session(this.session).with(csrf()).param("map.lastName", "Nom coureur"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Choisissez la colonne du dossard")));
		String preview = this.mvc
			.perform(post(form).session(this.session)
				.with(csrf())
				.param("map.bib", "N° Doss")
				.param("map.firstName", "Prénom coureur")
				.param("map.lastName", "Nom coureur")
				.param("map.category", "Course")
				.param("map.chip", "Transpondeur"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(preview + "/apply").session(this.session).with(csrf()).param("mode", "all"));
		assertThat(this.startLists.runnersOf(this.event.id())).containsExactly(
				new Runner("1", "Jean", "Dupont", null, "10 km", null, null, null, null, "T001"),
				new Runner("2", "Léa", "Martin", null, "Semi", null, null, null, null, "T002"));
		// The next file, columns in another order: the saved mapping is offered again.
		String next = uploadExport("Transpondeur;Course;Prénom coureur;Nom coureur;N° Doss\nT003;10 km;Noé;Petit;3\n");
		this.mvc.perform(get(next).session(this.session))
			.andExpect(content().string(containsString("<option value=\"N° Doss\" selected>")))
			.andExpect(content().string(containsString("<option value=\"Transpondeur\" selected>")));
	}

	private String uploadExport(String content) throws Exception {
		return this.mvc
			.perform(multipart("/pro/events/" + this.event.id() + "/start-list/mapped-uploads")
				.file(new MockMultipartFile("file", "kms.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8)))
				.session(this.session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

}

package com.focusracer.admin;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.privacy.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static com.focusracer.accounts.AccountsTestUtils.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins manage accounts through the pages; every action lands in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdminIntegrationTests {

	@org.springframework.beans.factory.annotation.Autowired
	com.focusracer.photos.PhotoActions photoActions;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils fixtures;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	com.focusracer.events.EventsTestUtils eventFixtures;

	@Autowired
	com.focusracer.events.EventManagement events;

	@Autowired
	com.focusracer.events.StartLists startLists;

	@Autowired
	com.focusracer.photos.PhotosTestUtils published;

	@Autowired
	com.focusracer.photos.PhotoManagement photos;

	@Autowired
	com.focusracer.recognition.BibCorrections corrections;

	@Test
	void theAdminHomeSaysWhileTheLegalIdentityIsTheDemoCompanys() throws Exception {
		MockHttpSession session = login(this.fixtures.anAccount(Role.ADMIN));
		this.mvc.perform(get("/admin").session(session))
			.andExpect(content().string(containsString("data-notice=\"admin.notice.legalDemo\"")))
			.andExpect(content().string(containsString("focusracer.legal")));
	}

	@Test
	void theAuditLogTellsAnEventsStoryInTheReadersLanguageFilteredByEventActionAndAccount() throws Exception {
		TestAccount admin = this.fixtures.anAccount(Role.ADMIN);
		TestAccount organizer = this.fixtures.aPro(ProProfile.ORGANIZER);
		TestAccount photographer = this.fixtures.aPro(ProProfile.PHOTOGRAPHER);
		com.focusracer.events.Event event = this.eventFixtures.aMarathon(organizer.id());
		this.events.addPhotographer(event.id(), organizer.id(), photographer.email());
		this.startLists.importFile(event.id(), organizer.id(), com.focusracer.events.EventsTestUtils.aFrenchStartList()
			.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
		UUID photo = this.published
			.publish(event.id(), photographer.id(), com.focusracer.photos.Photos.aFinishLineScene(1200, 800))
			.get(0);
		this.corrections.correctBibs(photo, photographer.id(), java.util.List.of("42"));
		this.photoActions.reprocess(event.id(), organizer.id());
		this.events.setArchived(event.id(), organizer.id(), true);
		MockHttpSession session = login(admin);

		String story = this.mvc.perform(get("/admin/audit").param("event", event.id().toString()).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(story).contains("Événement créé", "Photographe ajouté à l'équipe", "Liste des inscrits importée",
				"Dossards corrigés à la main", "Reconnaissance relancée", "Événement archivé", "3 coureurs", "→ 42");
		assertThat(story).as("no internal codes shown").doesNotContain(">event.created<", ">startList.imported<");

		String imports = this.mvc
			.perform(get("/admin/audit").param("event", event.id().toString())
				.param("action", "startList.imported")
				.session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// (the filter's choices list every label: look at the table's rows)
		String rows = imports.substring(imports.indexOf("<tbody>"));
		assertThat(rows).contains("Liste des inscrits importée").doesNotContain("Reconnaissance relancée");

		String byPhotographer = this.mvc
			.perform(get("/admin/audit").param("event", event.id().toString())
				.param("account", photographer.email())
				.param("lang", "en")
				.session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(byPhotographer.substring(byPhotographer.indexOf("<tbody>"))).contains("Bibs corrected by hand")
			.doesNotContain("Event created");
	}

	@Test
	void disablingAnAccountEndsItsSessionsAndIsAudited() throws Exception {
		TestAccount admin = this.fixtures.anAccount(Role.ADMIN);
		TestAccount photographer = this.fixtures.aPro(ProProfile.PHOTOGRAPHER);
		MockHttpSession adminSession = login(admin);
		MockHttpSession photographerSession = login(photographer);

		this.mvc
			.perform(post("/admin/accounts/" + photographer.id() + "/enabled").session(adminSession)
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/accounts"));

		this.mvc.perform(get("/pro").session(photographerSession)).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(post("/login").with(csrf())
				.param("username", photographer.email())
				.param("password", photographer.password()))
			.andExpect(redirectedUrl("/login?disabled"));
		assertThat(this.audit.latest(photographer.id().toString(), 10, 0)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("ACCOUNT_DISABLED");
			assertThat(entry.actorEmail()).isEqualTo(admin.email());
			assertThat(entry.targetId()).isEqualTo(photographer.id().toString());
			assertThat(entry.at()).isNotNull();
		});

		this.mvc
			.perform(post("/admin/accounts/" + photographer.id() + "/enabled").session(adminSession)
				.with(csrf())
				.param("enabled", "true"))
			.andExpect(redirectedUrl("/admin/accounts"));
		this.mvc
			.perform(post("/login").with(csrf())
				.param("username", photographer.email())
				.param("password", photographer.password()))
			.andExpect(redirectedUrl("/pro"));
		this.mvc.perform(get("/admin/audit").session(adminSession).param("q", photographer.id().toString()))
			.andExpect(content().string(containsString("ACCOUNT_ENABLED")))
			.andExpect(content().string(containsString("ACCOUNT_DISABLED")));
	}

	@Test
	void changingARoleMovesTheAccountToItsNewSpace() throws Exception {
		TestAccount admin = this.fixtures.anAccount(Role.ADMIN);
		TestAccount runner = this.fixtures.anAccount(Role.RUNNER);
		MockHttpSession runnerSession = login(runner);
		this.mvc
			.perform(post("/admin/accounts/" + runner.id() + "/role").session(login(admin))
				.with(csrf())
				.param("role", "ORGANIZER"))
			.andExpect(redirectedUrl("/admin/accounts"));
		// The old session carried the old role: it is over.
		this.mvc.perform(get("/account").session(runnerSession)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/pro").session(login(runner, "/pro"))).andExpect(status().isOk());
		assertThat(this.audit.latest(runner.id().toString(), 10, 0))
			.anySatisfy((entry) -> assertThat(entry.detail()).contains("RUNNER → PRO (ORGANIZER)"));
	}

	@Test
	void createsProAccountsThatSetTheirPasswordFromTheInvitation() throws Exception {
		TestAccount admin = this.fixtures.anAccount(Role.ADMIN);
		String email = uniqueEmail("invited");
		this.mvc
			.perform(post("/admin/accounts").session(login(admin))
				.with(csrf())
				.param("email", email)
				.param("name", "Studio Finish")
				.param("role", "AGENCY"))
			.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(this.accounts.findByEmail(email)).get().satisfies((account) -> {
			assertThat(account.role()).isEqualTo(Role.PRO);
			assertThat(account.profile()).isEqualTo(ProProfile.AGENCY);
			assertThat(account.emailVerified()).isTrue();
		});
		String link = this.fixtures.linkInLatestMail(email, "compte pro");
		String token = link.substring(link.indexOf("token=") + 6);
		this.mvc
			.perform(post("/password/reset").with(csrf()).param("token", token).param("password", "studio finish 2026"))
			.andExpect(redirectedUrl("/login?reset=0"));
		this.mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "studio finish 2026"))
			.andExpect(redirectedUrl("/pro"));
		assertThat(this.audit.latest(email, 10, 0)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("ACCOUNT_CREATED");
			assertThat(entry.actorEmail()).isEqualTo(admin.email());
		});
	}

	@Test
	void searchesAccountsAndRefusesToDisableThemselves() throws Exception {
		TestAccount admin = this.fixtures.anAccount(Role.ADMIN);
		TestAccount club = this.fixtures.aPro(ProProfile.CLUB);
		MockHttpSession session = login(admin);
		this.mvc.perform(get("/admin/accounts").session(session).param("q", club.email()))
			.andExpect(content().string(containsString(club.email())))
			.andExpect(content().string(containsString("1 compte(s)")));
		this.mvc
			.perform(post("/admin/accounts/" + admin.id() + "/enabled").session(session)
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(this.accounts.find(admin.id())).get().extracting("enabled").isEqualTo(true);
	}

	@Test
	void adminsReadTheOutboxWithEveryLinkSecretMasked() throws Exception {
		TestAccount admin = this.fixtures.anAccount(Role.ADMIN);
		TestAccount runner = this.fixtures.anAccount(Role.RUNNER);
		this.accounts.requestPasswordReset(runner.email(), java.util.Locale.ENGLISH);
		String resetLink = this.fixtures.linkInLatestMail(runner.email(), "password");
		String token = resetLink.substring(resetLink.indexOf("token=") + "token=".length());
		MockHttpSession session = login(admin);
		String list = this.mvc.perform(get("/admin/mail").session(session).param("q", runner.email()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Change your Focus Racer password")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String path = list.replaceAll("(?s).*href=\"(/admin/mail/[0-9a-f-]{36})\".*", "$1");
		String page = this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/password/reset?token=•••").doesNotContain(token);
		// The link still works for its recipient.
		this.mvc.perform(get(resetLink)).andExpect(status().isOk());

		String invited = uniqueEmail("invited");
		this.accounts.createInvited(invited, "Invitée", Role.PRO, ProProfile.ORGANIZER, java.util.Locale.FRENCH);
		String invitation = this.fixtures.linkInLatestMail(invited, "compte pro");
		String invitationPage = this.mvc
			.perform(get(this.mvc.perform(get("/admin/mail").session(session).param("q", invited))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.replaceAll("(?s).*href=\"(/admin/mail/[0-9a-f-]{36})\".*", "$1")).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(invitationPage).contains("token=•••")
			.doesNotContain(invitation.substring(invitation.indexOf("token=") + "token=".length()));
	}

	private MockHttpSession login(TestAccount account) throws Exception {
		return AccountsTestUtils.logIn(this.mvc, account);
	}

	private MockHttpSession login(TestAccount account, String landing) throws Exception {
		return AccountsTestUtils.logIn(this.mvc, account, landing);
	}

}

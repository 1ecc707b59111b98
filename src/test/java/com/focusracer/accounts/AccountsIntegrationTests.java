package com.focusracer.accounts;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils.TestAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.focusracer.accounts.AccountsTestUtils.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-up, confirmation, password reset and changes, sessions: through the real pages and
 * database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils fixtures;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signUpNeedsTheTermsAcceptedAndCreatesNothingWithout() throws Exception {
		String email = uniqueEmail("no-terms");
		this.mvc
			.perform(post("/signup").with(csrf())
				.param("kind", "RUNNER")
				.param("name", "Léa Martin")
				.param("email", email)
				.param("password", "un coureur heureux"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("acceptez les conditions générales")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + email + "\"")));
		assertThat(this.accounts.findByEmail(email)).isEmpty();
		assertThat(this.fixtures.mailsTo(email)).isEmpty();
	}

	@Test
	void signUpSendsAConfirmationLinkThatSignsTheRunnerIn() throws Exception {
		String email = uniqueEmail("new-runner");
		this.mvc
			.perform(post("/signup").with(csrf())
				.param("terms", "true")
				.param("kind", "RUNNER")
				.param("name", "Léa Martin")
				.param("email", email)
				.param("password", "un coureur heureux"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"signup-sent\"")));
		assertThat(this.accounts.findByEmail(email)).get().satisfies((account) -> {
			assertThat(account.role()).isEqualTo(Role.RUNNER);
			assertThat(account.emailVerified()).isFalse();
		});

		String link = this.fixtures.linkInLatestMail(email, "Confirmez");
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get(link).session(session)).andExpect(redirectedUrl("/account?welcome"));
		this.mvc.perform(get("/account").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Léa Martin")));
		// The link works once.
		this.mvc.perform(get(link)).andExpect(content().string(org.hamcrest.Matchers.containsString("signup-invalid")));
	}

	@Test
	void signUpAsAProChoosesTheProType() throws Exception {
		String email = uniqueEmail("new-club");
		this.mvc
			.perform(post("/signup").with(csrf())
				.param("terms", "true")
				.param("kind", "PRO")
				.param("profile", "CLUB")
				.param("name", "AC Lyon")
				.param("email", email)
				.param("password", "le club de Lyon court"))
			.andExpect(status().isOk());
		assertThat(this.accounts.findByEmail(email)).get().satisfies((account) -> {
			assertThat(account.role()).isEqualTo(Role.PRO);
			assertThat(account.profile()).isEqualTo(ProProfile.CLUB);
		});
	}

	@Test
	void signUpWithATakenAddressAnswersTheSameAndTellsTheOwnerByMail() throws Exception {
		TestAccount existing = this.fixtures.anAccount(Role.RUNNER);
		String fresh = uniqueEmail("fresh");
		String forNew = signUpPage(fresh);
		String forExisting = signUpPage(existing.email());
		assertThat(normalize(forExisting, existing.email())).isEqualTo(normalize(forNew, fresh));
		assertThat(this.fixtures.mailsTo(existing.email()))
			.anySatisfy((mail) -> assertThat(mail.body()).contains("un compte existe déjà"));
		assertThat(this.accounts.search(existing.email(), null, 10, 0)).hasSize(1);
	}

	@Test
	void refusesShortAndCommonPasswordsSayingWhy() throws Exception {
		this.mvc
			.perform(post("/signup").with(csrf())
				.param("terms", "true")
				.param("name", "X")
				.param("email", uniqueEmail("weak"))
				.param("password", "football"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("fait partie des plus courants")));
		this.mvc
			.perform(post("/signup").with(csrf())
				.param("terms", "true")
				.header("Accept-Language", "en")
				.param("lang", "en")
				.param("name", "X")
				.param("email", uniqueEmail("short"))
				.param("password", "abc"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("at least 8 characters")));
	}

	@Test
	void storesArgon2idHashesWithAtLeastOwaspParameters() throws Exception {
		String email = uniqueEmail("hash");
		this.accounts.signUp(email, "Hash", "un mot de passe solide", Role.RUNNER, null, java.util.Locale.FRENCH);
		String hash = this.jdbc.sql("select password_hash from account where email = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$v=19$");
		java.util.regex.Matcher params = java.util.regex.Pattern.compile("m=(\\d+),t=(\\d+),p=(\\d+)").matcher(hash);
		assertThat(params.find()).isTrue();
		assertThat(Integer.parseInt(params.group(1))).isGreaterThanOrEqualTo(19456);
		assertThat(Integer.parseInt(params.group(2))).isGreaterThanOrEqualTo(2);
	}

	@Test
	void passwordResetLinkWorksOnceForThirtyMinutes() throws Exception {
		TestAccount account = this.fixtures.aPro(ProProfile.PHOTOGRAPHER);
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", account.email()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("forgot-sent")));
		String link = this.fixtures.linkInLatestMail(account.email(), "mot de passe");
		String token = link.substring(link.indexOf("token=") + 6);
		Duration validity = this.jdbc.sql("""
				select extract(epoch from expires_at - created_at) from account_token
				where account_id = ? and purpose = 'PASSWORD_RESET' and used_at is null""")
			.param(account.id())
			.query((rs, row) -> Duration.ofSeconds(rs.getLong(1)))
			.single();
		assertThat(validity).isEqualTo(Duration.ofMinutes(30));

		this.mvc.perform(get(link)).andExpect(status().isOk());
		this.mvc
			.perform(
					post("/password/reset").with(csrf()).param("token", token).param("password", "nouveau départ 2026"))
			.andExpect(redirectedUrl("/login?reset=0"));
		this.mvc.perform(
				post("/password/reset").with(csrf()).param("token", token).param("password", "encore un autre 2026"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("reset-invalid")));
		login(account.email(), "nouveau départ 2026").andExpect(redirectedUrl("/pro"));
	}

	@Test
	void expiredResetLinkIsRefused() throws Exception {
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		this.accounts.requestPasswordReset(account.email(), java.util.Locale.FRENCH);
		String link = this.fixtures.linkInLatestMail(account.email(), "mot de passe");
		this.jdbc.sql("update account_token set expires_at = ? where account_id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), account.id())
			.update();
		this.mvc.perform(get(link)).andExpect(content().string(org.hamcrest.Matchers.containsString("reset-invalid")));
	}

	@Test
	void resetForAnUnknownAddressLooksTheSameAndSendsNothing() throws Exception {
		String unknown = uniqueEmail("nobody");
		String page = this.mvc.perform(post("/password/forgot").with(csrf()).param("email", unknown))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("forgot-sent");
		assertThat(this.fixtures.mailsTo(unknown)).isEmpty();
	}

	@Test
	void loginRotatesTheSessionId() throws Exception {
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();
		MvcResult result = this.mvc
			.perform(post("/login").session(session)
				.with(csrf())
				.param("username", account.email())
				.param("password", account.password()))
			.andExpect(redirectedUrl("/account"))
			.andReturn();
		assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
	}

	@Test
	void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() throws Exception {
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		MockHttpSession phone = loggedIn(account);
		MockHttpSession laptop = loggedIn(account);
		this.mvc
			.perform(post("/settings/password").session(laptop)
				.with(csrf())
				.param("currentPassword", "not my password")
				.param("newPassword", "une toute nouvelle phrase"))
			.andExpect(status().isUnprocessableEntity());
		this.mvc
			.perform(post("/settings/password").session(laptop)
				.with(csrf())
				.param("currentPassword", account.password())
				.param("newPassword", "une toute nouvelle phrase"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/account").session(laptop)).andExpect(status().isOk());
		this.mvc.perform(get("/account").session(phone)).andExpect(redirectedUrl("/login"));
		assertThat(this.fixtures.mailsTo(account.email()))
			.anySatisfy((mail) -> assertThat(mail.subject()).contains("a été changé"));
	}

	@Test
	void aPasswordResetRevokesTheAccountsApiTokensAndSaysSo() throws Exception {
		TestAccount account = this.fixtures.aPro(ProProfile.ORGANIZER);
		String token = "Bearer " + this.accounts.createPersonalToken(account.id(), "uploader").token();
		this.mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());
		this.mvc.perform(post("/password/forgot").with(csrf()).param("email", account.email()));
		String link = this.fixtures.linkInLatestMail(account.email(), "Changer votre mot de passe");
		String done = this.mvc
			.perform(post("/password/reset").with(csrf())
				.param("token", link.substring(link.indexOf("token=") + 6))
				.param("password", "nouveau départ 2026"))
			.andExpect(redirectedUrl("/login?reset=1"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(done))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("Par sécurité, les 1 jeton(s) d'API du compte ont été révoqués")));
		this.mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isUnauthorized());
		assertThat(this.fixtures.mailsTo(account.email()))
			.anySatisfy((mail) -> assertThat(mail.body()).contains("ses 1 jeton(s) d'API ont été révoqués"));
	}

	@Test
	void changingThePasswordRevokesTheAccountsApiTokensAndSaysSo() throws Exception {
		TestAccount account = this.fixtures.aPro(ProProfile.PHOTOGRAPHER);
		String first = "Bearer " + this.accounts.createPersonalToken(account.id(), "laptop").token();
		String second = "Bearer "
				+ this.accounts.issueSessionToken(this.accounts.find(account.id()).orElseThrow()).token();
		this.mvc
			.perform(post("/settings/password").session(loggedIn(account))
				.with(csrf())
				.param("currentPassword", account.password())
				.param("newPassword", "une toute nouvelle phrase"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("par sécurité, vos 2 jeton(s) d'API révoqués")));
		this.mvc.perform(get("/api/v1/me").header("Authorization", first)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").header("Authorization", second)).andExpect(status().isUnauthorized());
		assertThat(this.accounts.personalTokens(account.id())).isEmpty();
	}

	@Test
	void logoutEndsEverySessionOfTheAccount() throws Exception {
		TestAccount account = this.fixtures.aPro(ProProfile.ORGANIZER);
		MockHttpSession phone = loggedIn(account);
		MockHttpSession laptop = loggedIn(account);
		this.mvc.perform(get("/pro").session(phone)).andExpect(status().isOk());
		this.mvc.perform(post("/logout").session(laptop).with(csrf())).andExpect(redirectedUrl("/?loggedOut"));
		this.mvc.perform(get("/pro").session(phone)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void changingTheEmailNeedsThePasswordAndAConfirmationFromTheNewAddress() throws Exception {
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		MockHttpSession session = loggedIn(account);
		String newEmail = uniqueEmail("moved");
		this.mvc
			.perform(post("/settings/email").session(session)
				.with(csrf())
				.param("currentPassword", "wrong")
				.param("newEmail", newEmail))
			.andExpect(status().isUnprocessableEntity());
		this.mvc
			.perform(post("/settings/email").session(session)
				.with(csrf())
				.param("currentPassword", account.password())
				.param("newEmail", newEmail))
			.andExpect(redirectedUrl("/settings?emailSent"));
		assertThat(this.accounts.find(account.id())).get().extracting(Account::email).isEqualTo(account.email());
		this.mvc.perform(get(this.fixtures.linkInLatestMail(newEmail, "nouvelle adresse")))
			.andExpect(redirectedUrl("/login?emailChanged"));
		login(newEmail, account.password()).andExpect(redirectedUrl("/account"));
		assertThat(this.fixtures.mailsTo(account.email()))
			.anySatisfy((mail) -> assertThat(mail.body()).contains(newEmail));
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() throws Exception {
		this.mvc.perform(post("/signup").param("email", uniqueEmail("csrf")).param("password", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Content-Type-Options", "nosniff"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Frame-Options", "DENY"));
	}

	private MockHttpSession loggedIn(TestAccount account) throws Exception {
		return AccountsTestUtils.logIn(this.mvc, account);
	}

	private org.springframework.test.web.servlet.ResultActions login(String email, String password) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password));
	}

	private String signUpPage(String email) throws Exception {
		return this.mvc
			.perform(post("/signup").with(csrf())
				.param("terms", "true")
				.param("kind", "RUNNER")
				.param("name", "Même Nom")
				.param("email", email)
				.param("password", "une phrase assez longue"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String normalize(String page, String email) {
		return page.replace(email, "EMAIL")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
			.replaceAll("content=\"[A-Za-z0-9_-]{20,}\"", "");
	}

}

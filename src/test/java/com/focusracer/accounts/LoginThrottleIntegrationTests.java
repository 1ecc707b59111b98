package com.focusracer.accounts;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shared.ratelimit.RealisticRateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static com.focusracer.accounts.AccountsTestUtils.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failed logins are throttled per account-and-address pair (10 in 10 minutes), with
 * higher ceilings per address and per account, so that nobody can lock out an account
 * from elsewhere, nor everyone behind a shared address.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class LoginThrottleIntegrationTests {

	private static final String VILLAGE_WIFI = "198.51.100.7";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils fixtures;

	@Autowired
	RateLimits limits;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetFailures() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@Test
	void wrongPasswordsForOneAccountDoNotStopAnotherAccountAtTheSameAddress() throws Exception {
		TestAccount guessed = this.fixtures.anAccount(Role.RUNNER);
		TestAccount neighbour = this.fixtures.anAccount(Role.RUNNER);
		int perPair = this.limits.limit(RateLimit.LOGIN).capacity();
		for (int attempt = 1; attempt <= perPair; attempt++) {
			formLogin(guessed.email(), "wrong password " + attempt, VILLAGE_WIFI)
				.andExpect(redirectedUrl("/login?error"));
		}
		formLogin(guessed.email(), "wrong password 11", VILLAGE_WIFI).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Trop de tentatives")));
		formLogin(guessed.email(), "wrong password 12", VILLAGE_WIFI).andExpect(status().isTooManyRequests());

		// The right password of another account, from the same address, goes through.
		formLogin(neighbour.email(), neighbour.password(), VILLAGE_WIFI).andExpect(redirectedUrl("/account"));
		// The guessed account waits at this address, even with its right password…
		formLogin(guessed.email(), guessed.password(), VILLAGE_WIFI).andExpect(status().isTooManyRequests());
		// …but its owner logs in from anywhere else.
		formLogin(guessed.email(), guessed.password(), "192.0.2.44").andExpect(redirectedUrl("/account"));
	}

	@Test
	void attemptsMadeAllAtOnceCountToo() throws Exception {
		TestAccount guessed = this.fixtures.anAccount(Role.RUNNER);
		int perPair = this.limits.limit(RateLimit.LOGIN).capacity();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			List<java.util.concurrent.Future<Integer>> attempts = new java.util.ArrayList<>();
			for (int attempt = 0; attempt < 2 * perPair; attempt++) {
				String password = "guess " + attempt;
				attempts.add(pool.submit(() -> formLogin(guessed.email(), password, "198.51.100.13").andReturn()
					.getResponse()
					.getStatus()));
			}
			List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> attempt : attempts) {
				statuses.add(attempt.get());
			}
			assertThat(statuses).filteredOn((status) -> status == 302).hasSize(perPair);
			assertThat(statuses).filteredOn((status) -> status == 429).hasSize(perPair);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void oneAddressTryingManyAccountsIsStoppedAtItsHigherCeiling() throws Exception {
		String ip = "198.51.100.8";
		int perAddress = this.limits.limit(RateLimit.LOGIN_ADDRESS).capacity();
		assertThat(perAddress).isGreaterThan(this.limits.limit(RateLimit.LOGIN).capacity());
		for (int attempt = 1; attempt <= perAddress; attempt++) {
			formLogin(uniqueEmail("spray"), "password" + attempt, ip).andExpect(redirectedUrl("/login?error"));
		}
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		formLogin(account.email(), account.password(), ip).andExpect(status().isTooManyRequests());
		formLogin(account.email(), account.password(), "192.0.2.45").andExpect(redirectedUrl("/account"));
	}

	@Test
	void oneAccountTriedFromManyAddressesIsStoppedAtItsHigherCeiling() throws Exception {
		TestAccount account = this.fixtures.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		int perAccount = this.limits.limit(RateLimit.LOGIN_ACCOUNT).capacity();
		int perPair = this.limits.limit(RateLimit.LOGIN).capacity();
		assertThat(perAccount).isGreaterThan(perPair);
		for (int attempt = 0; attempt < perAccount; attempt++) {
			// Never more than the pair's limit from one address.
			formLogin(account.email(), "wrong " + attempt, "192.0.2." + (100 + attempt / perPair))
				.andExpect(redirectedUrl("/login?error"));
		}
		formLogin(account.email(), account.password(), "192.0.2.200").andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Trop de tentatives")));
		// Another account at those addresses is not concerned.
		TestAccount other = this.fixtures.anAccount(Role.RUNNER);
		formLogin(other.email(), other.password(), "192.0.2.100").andExpect(redirectedUrl("/account"));
	}

	@Test
	void anUnknownEmailIsThrottledLikeAKnownOneWithTheSameWords() throws Exception {
		TestAccount known = this.fixtures.anAccount(Role.RUNNER);
		String unknown = uniqueEmail("ghost");
		int perPair = this.limits.limit(RateLimit.LOGIN).capacity();
		for (int attempt = 1; attempt <= perPair; attempt++) {
			formLogin(known.email(), "whatever" + attempt, "198.51.100.9").andExpect(redirectedUrl("/login?error"));
			formLogin(unknown, "whatever" + attempt, "198.51.100.19").andExpect(redirectedUrl("/login?error"));
		}
		String knownPage = formLogin(known.email(), "whatever", "198.51.100.9").andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknownPage = formLogin(unknown, "whatever", "198.51.100.19").andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(withoutTokenAndTime(knownPage)).isEqualTo(withoutTokenAndTime(unknownPage));
	}

	private static String withoutTokenAndTime(String page) {
		return page.replaceAll("(value|content)=\"[^\"]*\"", "").replaceAll("\\d\\d:\\d\\d", "");
	}

	@Test
	void unknownEmailAndWrongPasswordGetTheSameMessage() throws Exception {
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		String unknownRedirect = formLogin(uniqueEmail("ghost"), "whatever123", "198.51.100.10").andReturn()
			.getResponse()
			.getRedirectedUrl();
		String wrongRedirect = formLogin(account.email(), "whatever123", "198.51.100.10").andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(unknownRedirect).isEqualTo(wrongRedirect).isEqualTo("/login?error");
		this.mvc.perform(get(wrongRedirect))
			.andExpect(content().string(containsString("Adresse e-mail ou mot de passe incorrect.")));
		// A disabled account with a wrong password also reads as a plain wrong password.
		this.jdbc.sql("update account set enabled = false where id = ?").param(account.id()).update();
		formLogin(account.email(), "whatever123", "198.51.100.10").andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theTokenEndpointSharesTheLimit() throws Exception {
		TestAccount account = this.fixtures.aPro(ProProfile.ORGANIZER);
		String ip = "198.51.100.11";
		int perPair = this.limits.limit(RateLimit.LOGIN).capacity();
		for (int attempt = 1; attempt < perPair; attempt++) {
			tokenRequest(account.email(), "nope" + attempt, ip).andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		// The last failure allowed through the login form: one count for both.
		formLogin(account.email(), "nope", ip).andExpect(redirectedUrl("/login?error"));
		tokenRequest(account.email(), account.password(), ip).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(containsString("Try again in")));
		tokenRequest(account.email(), account.password(), "192.0.2.46").andExpect(status().isCreated());
	}

	@Test
	void aSuccessfulLoginForgetsTheAccountsFailuresFromThatAddress() throws Exception {
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		String ip = "198.51.100.12";
		int perPair = this.limits.limit(RateLimit.LOGIN).capacity();
		for (int attempt = 1; attempt < perPair; attempt++) {
			formLogin(account.email(), "typo" + attempt, ip).andExpect(redirectedUrl("/login?error"));
		}
		formLogin(account.email(), account.password(), ip).andExpect(redirectedUrl("/account"));
		for (int attempt = 1; attempt < perPair; attempt++) {
			formLogin(account.email(), "typo again" + attempt, ip).andExpect(redirectedUrl("/login?error"));
		}
		formLogin(account.email(), account.password(), ip).andExpect(redirectedUrl("/account"));
	}

	private ResultActions formLogin(String email, String password, String ip) throws Exception {
		return this.mvc
			.perform(post("/login").with(csrf()).with(from(ip)).param("username", email).param("password", password));
	}

	private ResultActions tokenRequest(String email, String password, String ip) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/token").with(from(ip))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
	}

}

package com.focusracer.accounts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shared.ratelimit.RealisticRateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static com.focusracer.accounts.AccountsTestUtils.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-ups and password resets send e-mails: past the limit, an address gets a page that
 * says to wait and how long, and sends no e-mail; other addresses are not concerned.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class AuthRateLimitsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils fixtures;

	@Autowired
	RateLimits limits;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@Test
	void signUpsFromOneAddressAreRefusedPastTheLimit() throws Exception {
		String ip = "198.51.100.21";
		int limit = this.limits.limit(RateLimit.SIGN_UP).capacity();
		for (int i = 0; i < limit; i++) {
			signUp(uniqueEmail("bulk"), ip).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"signup-sent\"")));
		}
		String refused = uniqueEmail("refused");
		signUp(refused, ip).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Trop d'inscriptions depuis votre connexion")))
			.andExpect(content().string(containsString("Réessayez dans")));
		assertThat(this.fixtures.mailsTo(refused)).isEmpty();
		this.mvc
			.perform(post("/signup").param("lang", "en")
				.with(csrf())
				.with(from(ip))
				.param("kind", "RUNNER")
				.param("terms", "true")
				.param("name", "Bulk")
				.param("email", uniqueEmail("refused"))
				.param("password", "un coureur heureux"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Too many sign-ups from your connection")))
			.andExpect(content().string(containsString("Try again in")));

		String elsewhere = uniqueEmail("elsewhere");
		signUp(elsewhere, "198.51.100.22").andExpect(status().isOk());
		assertThat(this.fixtures.mailsTo(elsewhere)).hasSize(1);
	}

	@Test
	void passwordResetsFromOneAddressAreRefusedPastTheLimit() throws Exception {
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		String ip = "198.51.100.23";
		int limit = this.limits.limit(RateLimit.PASSWORD_RESET).capacity();
		for (int i = 0; i < limit; i++) {
			forgot(account.email(), ip).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"forgot-sent\"")));
		}
		int mails = this.fixtures.mailsTo(account.email()).size();
		// The same words for an unknown address: the refusal says nothing about accounts.
		forgot(uniqueEmail("ghost"), ip).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Trop de demandes de nouveau mot de passe")));
		forgot(account.email(), ip).andExpect(status().isTooManyRequests());
		assertThat(this.fixtures.mailsTo(account.email())).hasSize(mails);

		forgot(account.email(), "198.51.100.24").andExpect(status().isOk());
		assertThat(this.fixtures.mailsTo(account.email())).hasSize(mails + 1);
	}

	private ResultActions signUp(String email, String ip) throws Exception {
		return this.mvc.perform(post("/signup").with(csrf())
			.with(from(ip))
			.param("kind", "RUNNER")
			.param("terms", "true")
			.param("name", "Bulk")
			.param("email", email)
			.param("password", "un coureur heureux"));
	}

	private ResultActions forgot(String email, String ip) throws Exception {
		return this.mvc.perform(post("/password/forgot").with(csrf()).with(from(ip)).param("email", email));
	}

}

package com.focusracer.accounts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils.TestAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static com.focusracer.accounts.AccountsTestUtils.randomIp;
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
 * Ten failed logins in ten minutes, per account or per IP, and the next attempt gets 429.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginThrottleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils fixtures;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetFailures() {
		this.jdbc.sql("delete from login_failure").update();
	}

	@Test
	void theEleventhWrongPasswordForOneAccountGets429EvenFromAnotherIp() throws Exception {
		TestAccount account = this.fixtures.aPro(ProProfile.PHOTOGRAPHER);
		for (int attempt = 1; attempt <= 10; attempt++) {
			formLogin(account.email(), "wrong password " + attempt, randomIp())
				.andExpect(redirectedUrl("/login?error"));
		}
		formLogin(account.email(), "wrong password 11", randomIp()).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Trop de tentatives")));
		// Even the right password waits: the window has not passed.
		formLogin(account.email(), account.password(), randomIp()).andExpect(status().isTooManyRequests());
	}

	@Test
	void oneIpTryingManyAccountsIsStopped() throws Exception {
		String ip = randomIp();
		for (int attempt = 1; attempt <= 10; attempt++) {
			formLogin(uniqueEmail("spray"), "password" + attempt, ip).andExpect(redirectedUrl("/login?error"));
		}
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		formLogin(account.email(), account.password(), ip).andExpect(status().isTooManyRequests());
		formLogin(account.email(), account.password(), randomIp()).andExpect(redirectedUrl("/account"));
	}

	@Test
	void unknownEmailAndWrongPasswordGetTheSameMessage() throws Exception {
		TestAccount account = this.fixtures.anAccount(Role.RUNNER);
		String unknownRedirect = formLogin(uniqueEmail("ghost"), "whatever123", randomIp()).andReturn()
			.getResponse()
			.getRedirectedUrl();
		String wrongRedirect = formLogin(account.email(), "whatever123", randomIp()).andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(unknownRedirect).isEqualTo(wrongRedirect).isEqualTo("/login?error");
		this.mvc.perform(get(wrongRedirect))
			.andExpect(content().string(containsString("Adresse e-mail ou mot de passe incorrect.")));
		// A disabled account with a wrong password also reads as a plain wrong password.
		this.jdbc.sql("update account set enabled = false where id = ?").param(account.id()).update();
		formLogin(account.email(), "whatever123", randomIp()).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theTokenEndpointSharesTheLimit() throws Exception {
		TestAccount account = this.fixtures.aPro(ProProfile.ORGANIZER);
		for (int attempt = 1; attempt <= 10; attempt++) {
			tokenRequest(account.email(), "nope" + attempt).andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		tokenRequest(account.email(), account.password()).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(containsString("Try again in")));
	}

	private ResultActions formLogin(String email, String password, String ip) throws Exception {
		return this.mvc
			.perform(post("/login").with(csrf()).with(from(ip)).param("username", email).param("password", password));
	}

	private ResultActions tokenRequest(String email, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/token").with(from(randomIp()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
	}

}

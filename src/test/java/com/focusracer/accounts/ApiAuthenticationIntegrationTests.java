package com.focusracer.accounts;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils.TestAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/auth/token}, personal tokens from the pro space, Bearer
 * authentication and problem+json errors.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiAuthenticationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils fixtures;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void proAccountsGetAnExpiringTokenThatAuthenticates() throws Exception {
		TestAccount pro = this.fixtures.aPro(ProProfile.PHOTOGRAPHER);
		String body = this.mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + pro.email() + "\",\"password\":\"" + pro.password() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").value(startsWith("fr_")))
			.andExpect(jsonPath("$.expiresAt").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(pro.email()))
			.andExpect(jsonPath("$.role").value("PRO"))
			.andExpect(jsonPath("$.profile").value("PHOTOGRAPHER"));
		String stored = this.jdbc.sql("select token_hash from api_token where account_id = ?")
			.param(pro.id())
			.query(String.class)
			.single();
		assertThat(stored).hasSize(64).doesNotContain(token);
	}

	@Test
	void runnersGet403FromTheTokenEndpoint() throws Exception {
		TestAccount runner = this.fixtures.anAccount(Role.RUNNER);
		this.mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + runner.email() + "\",\"password\":\"" + runner.password() + "\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void callsWithoutOrWithABadTokenGet401Problems() throws Exception {
		this.mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")));
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer fr_forged"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void personalTokensAreShownOnceAndStopWorkingWhenRevoked() throws Exception {
		TestAccount pro = this.fixtures.aPro(ProProfile.AGENCY);
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/login").session(session)
			.with(csrf())
			.param("username", pro.email())
			.param("password", pro.password()));
		String page = this.mvc.perform(post("/pro/tokens").session(session).with(csrf()).param("name", "Lightroom"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = page.replaceAll("(?s).*id=\"new-token\">([^<]+)<.*", "$1");
		assertThat(token).startsWith("fr_");
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		String list = this.mvc.perform(get("/pro/tokens").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Lightroom").doesNotContain(token);

		UUID tokenId = this.accounts.personalTokens(pro.id()).get(0).id();
		this.mvc.perform(post("/pro/tokens/" + tokenId + "/revoke").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aDisabledAccountsTokensStopWorking() throws Exception {
		TestAccount pro = this.fixtures.aPro(ProProfile.FEDERATION);
		String token = this.accounts.createPersonalToken(pro.id(), "script").token();
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		this.accounts.setEnabled(pro.id(), false);
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

}

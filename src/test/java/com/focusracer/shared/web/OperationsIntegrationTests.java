package com.focusracer.shared.web;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health is public and reports the database; metrics and build info are for admins.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperationsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils fixtures;

	@Test
	void healthIsPublicAndReportsTheDatabase() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
	}

	@Test
	void adminsReadPrometheusMetricsAndBuildInfo() throws Exception {
		var admin = this.fixtures.principal(this.fixtures.anAccount(Role.ADMIN));
		this.mvc.perform(get("/actuator/prometheus").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("hikaricp_connections")));
		this.mvc.perform(get("/actuator/info").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.build.artifact").value("focus-racer"));
	}

	@Test
	void unknownPagesSayWhatToDoInTheReadersLanguage() throws Exception {
		// The container forwards errors to /error; MockMvc has no container, so ask
		// /error as it would.
		this.mvc
			.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
				.accept("text/html"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Cette page n'existe pas")));
		this.mvc
			.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
				.accept("application/json"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString("does not exist")));
	}

}

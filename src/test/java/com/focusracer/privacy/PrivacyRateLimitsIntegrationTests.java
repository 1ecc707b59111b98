package com.focusracer.privacy;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.shared.ratelimit.RealisticRateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A guest's request sends an e-mail: requests are limited per client address.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class PrivacyRateLimitsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void guestRequestsAreLimitedPerAddress() throws Exception {
		String ip = "198.51.100.7";
		for (int i = 0; i < 3; i++) {
			file(ip).andExpect(status().isOk());
		}
		file(ip).andExpect(status().isTooManyRequests());
		file("198.51.100.8").andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.ResultActions file(String ip) throws Exception {
		return this.mvc.perform(post("/privacy/request").with(csrf())
			.with(from(ip))
			.param("email", AccountsTestUtils.uniqueEmail("limited"))
			.param("type", "ACCESS"));
	}

}

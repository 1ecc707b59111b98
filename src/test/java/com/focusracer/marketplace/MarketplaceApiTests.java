package com.focusracer.marketplace;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The marketplace for tools: publish, list (public), apply, decide, as documented in
 * {@code docs/api.md}; another account's application is 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MarketplaceApiTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	MarketplaceTestUtils marketplace;

	@Test
	void publishListApplyAndAcceptThroughTheApi() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.FEDERATION);
		TestAccount anna = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount bruno = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.marketplace.aRaceIn(organizer, 8);
		JsonNode listing = json(call(organizer, "/api/v1/marketplace/listings", """
				{"eventId": "%s", "title": "API listing", "sharePercent": 40, "applyUntil": "%s",
				 "positions": [{"role": "Podium", "spot": "Arche", "spotKm": 0, "wanted": 2, "startsAt": "10:00"}]}"""
			.formatted(event.id(), event.date())).andExpect(status().isCreated()));
		assertThat(listing.get("url").asText()).endsWith("/marketplace/" + listing.get("slug").asText());
		String position = listing.get("positions").get(0).get("id").asText();

		JsonNode open = json(this.mvc.perform(get("/api/v1/marketplace/listings").param("terms", "share"))
			.andExpect(status().isOk()));
		assertThat(open.get("items").findValuesAsText("id")).contains(listing.get("id").asText());

		call(anna, "/api/v1/marketplace/applications", """
				{"positionId": "%s", "message": "Bonjour", "acceptTerms": false}""".formatted(position))
			.andExpect(status().isBadRequest());
		JsonNode application = json(call(anna, "/api/v1/marketplace/applications", """
				{"positionId": "%s", "message": "Bonjour", "acceptTerms": true}""".formatted(position))
			.andExpect(status().isCreated()));
		String id = application.get("id").asText();
		assertThat(application.get("sharePercent").asInt()).isEqualTo(40);

		call(bruno, "/api/v1/marketplace/withdrawals", """
				{"applicationId": "%s", "reason": "?"}""".formatted(id)).andExpect(status().isNotFound());
		JsonNode decided = json(call(organizer, "/api/v1/marketplace/decisions", """
				{"applicationId": "%s", "decision": "ACCEPTED"}""".formatted(id)).andExpect(status().isOk()));
		assertThat(decided.get("status").asText()).isEqualTo("ACCEPTED");
		JsonNode mine = json(
				this.mvc.perform(get("/api/v1/marketplace/applications").with(user(this.accounts.principal(anna))))
					.andExpect(status().isOk()));
		assertThat(mine.get("sent").get(0).get("status").asText()).isEqualTo("ACCEPTED");
		JsonNode received = json(
				this.mvc.perform(get("/api/v1/marketplace/applications").with(user(this.accounts.principal(organizer))))
					.andExpect(status().isOk()));
		assertThat(received.get("received").findValuesAsText("id")).containsExactly(id);
	}

	private ResultActions call(TestAccount account, String path, String body) throws Exception {
		return this.mvc.perform(post(path).with(user(this.accounts.principal(account)))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static JsonNode json(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}

}

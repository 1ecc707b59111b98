package com.focusracer.events.connectors;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import com.focusracer.events.ConnectorsProperties;
import com.focusracer.events.EventException;
import com.focusracer.events.Runner;
import com.focusracer.events.StartListSource;

import org.springframework.stereotype.Component;

/**
 * RunSignup's REST API: the participants of one event of a race, page after page, the API
 * key and secret as query parameters.
 */
@Component
class RunSignupSource implements StartListSource {

	static final int PAGE_SIZE = 250;

	private final ConnectorHttp http;

	private final int maxPages;

	RunSignupSource(ConnectorsProperties properties) {
		this.http = new ConnectorHttp(platform(), displayName(), properties.runSignup().baseUrl(), properties);
		this.maxPages = properties.maxPages();
	}

	@Override
	public String platform() {
		return "runsignup";
	}

	@Override
	public String displayName() {
		return "RunSignup";
	}

	@Override
	public int test(Credentials credentials) {
		return page(credentials, 1).size();
	}

	@Override
	public List<Runner> read(Credentials credentials) {
		List<Runner> runners = new ArrayList<>();
		for (int page = 1;; page++) {
			if (page > this.maxPages) {
				throw this.http.tooManyPages(this.maxPages);
			}
			List<JsonNode> participants = page(credentials, page);
			for (JsonNode participant : participants) {
				JsonNode user = participant.path("user");
				String bib = ConnectorHttp.text(participant.path("bib_num"));
				runners.add(new Runner((bib != null) ? bib : "", orEmpty(user.path("first_name")),
						orEmpty(user.path("last_name")), ConnectorHttp.text(user.path("email")), null, null,
						ConnectorHttp.text(user.path("gender")),
						ConnectorHttp.year(ConnectorHttp.text(user.path("dob"))), null,
						ConnectorHttp.text(participant.path("chip_num"))));
			}
			if (participants.size() < PAGE_SIZE) {
				return runners;
			}
		}
	}

	private List<JsonNode> page(Credentials credentials, int page) {
		if (credentials.subReference() == null || credentials.subReference().isBlank()) {
			throw new EventException("connector.runsignup.eventId");
		}
		JsonNode answer = this.http.json(this.http.client()
			.get()
			.uri((uri) -> uri.path("/Rest/race/{race}/participants")
				.queryParam("format", "json")
				.queryParam("event_id", "{event}")
				.queryParam("page", page)
				.queryParam("results_per_page", PAGE_SIZE)
				.queryParam("api_key", "{key}")
				.queryParam("api_secret", "{secret}")
				.build(credentials.reference(), credentials.subReference(), credentials.key(),
						(credentials.secret() != null) ? credentials.secret() : "")));
		return this.http.parse(answer, (json) -> {
			if (json.path("error").isObject() || json.has("error")) {
				throw new EventException("connector.runsignup.refused");
			}
			// The documented answer is one object per event: [{event, participants}].
			List<JsonNode> participants = new ArrayList<>();
			List<JsonNode> events = json.isArray() ? new ArrayList<>(json.values()) : List.of(json);
			for (JsonNode event : events) {
				if (!event.path("participants").isArray()) {
					throw new IllegalStateException("no participants");
				}
				participants.addAll(event.path("participants").values());
			}
			return participants;
		});
	}

	private static String orEmpty(JsonNode node) {
		String text = ConnectorHttp.text(node);
		return (text != null) ? text : "";
	}

}

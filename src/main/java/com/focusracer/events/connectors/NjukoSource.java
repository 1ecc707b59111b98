package com.focusracer.events.connectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import com.focusracer.events.ConnectorsProperties;
import com.focusracer.events.Runner;
import com.focusracer.events.StartListSource;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Njuko's partner API. Njuko publishes no documentation of it: the shapes here are those
 * used by public open-source clients (see {@code docs/connectors.md}). The edition id and
 * the API key go in the {@code Edition} and {@code Authorization} headers.
 */
@Component
class NjukoSource implements StartListSource {

	static final int PAGE_SIZE = 500;

	private static final Set<String> NOT_RUNNING = Set.of("CANCELLED", "CANCELED", "REFUNDED", "DELETED", "ABANDONED");

	private final ConnectorHttp http;

	private final int maxPages;

	NjukoSource(ConnectorsProperties properties) {
		this.http = new ConnectorHttp(platform(), displayName(), properties.njuko().baseUrl(), properties);
		this.maxPages = properties.maxPages();
	}

	@Override
	public String platform() {
		return "njuko";
	}

	@Override
	public String displayName() {
		return "Njuko";
	}

	@Override
	public int test(Credentials credentials) {
		this.http.body(this.http.client()
			.get()
			.uri("/api-registrations/ping")
			.header("Edition", credentials.reference())
			.header("Authorization", credentials.key()));
		return competitionsIfAny(credentials).size();
	}

	@Override
	public List<Runner> read(Credentials credentials) {
		Map<String, String> competitions = competitionsIfAny(credentials);
		List<Runner> runners = new ArrayList<>();
		int from = 0;
		for (int page = 0;; page++) {
			if (page >= this.maxPages) {
				throw this.http.tooManyPages(this.maxPages);
			}
			JsonNode answer = this.http.json(this.http.client()
				.post()
				.uri("/api-registrations/registrations")
				.header("Edition", credentials.reference())
				.header("Authorization", credentials.key())
				.contentType(MediaType.APPLICATION_JSON)
				.body(tools.jackson.databind.json.JsonMapper.shared()
					.writeValueAsString(Map.of("from", from, "itemsPerPage", PAGE_SIZE, "search", Map.of()))));
			List<JsonNode> results = this.http.parse(answer, (json) -> {
				if (!json.path("results").isArray()) {
					throw new IllegalStateException("no results");
				}
				return new ArrayList<>(json.path("results").values());
			});
			for (JsonNode registration : results) {
				Runner runner = runner(registration, competitions);
				if (runner != null) {
					runners.add(runner);
				}
			}
			from += results.size();
			int total = answer.path("totalHits").asInt(0);
			if (results.isEmpty() || from >= total) {
				return runners;
			}
		}
	}

	private Runner runner(JsonNode registration, Map<String, String> competitions) {
		String status = ConnectorHttp.text(registration.path("status"));
		if (status != null && NOT_RUNNING.contains(status.toUpperCase(Locale.ROOT))) {
			return null;
		}
		JsonNode bib = registration.path("bib");
		String code = ConnectorHttp.text(bib.path("code"));
		if (code == null) {
			code = ConnectorHttp.text(bib.path("codeAsInteger"));
		}
		if (code == null && !bib.isContainer()) {
			code = ConnectorHttp.text(bib);
		}
		String competition = ConnectorHttp.text(registration.path("competition_id"));
		String category = (competition != null) ? competitions.getOrDefault(competition, competition) : null;
		return new Runner((code != null) ? code : "", orEmpty(registration.path("firstname")),
				orEmpty(registration.path("lastname")), ConnectorHttp.text(registration.path("email")), category, null,
				ConnectorHttp.text(registration.path("gender")),
				ConnectorHttp.year(ConnectorHttp.text(registration.path("birthdate"))), null, null);
	}

	/**
	 * The competitions when Njuko gives them: their names are a comfort, not a need (the
	 * shape of this answer is the least known), so a missing or odd answer leaves the
	 * competition ids as categories; a refused key still stops everything.
	 */
	private Map<String, String> competitionsIfAny(Credentials credentials) {
		try {
			return competitions(credentials);
		}
		catch (com.focusracer.events.EventException ex) {
			if (ex.messageKey().equals("connector.notFound") || ex.messageKey().equals("connector.unreadable")) {
				return Map.of();
			}
			throw ex;
		}
	}

	/**
	 * The edition's competitions (its races: 10 km, semi…) by id, to name each runner's.
	 */
	private Map<String, String> competitions(Credentials credentials) {
		JsonNode answer = this.http.json(this.http.client()
			.get()
			.uri("/api-registrations/competition")
			.header("Edition", credentials.reference())
			.header("Authorization", credentials.key()));
		return this.http.parse(answer, (json) -> {
			JsonNode list = json.isArray() ? json : json.path("results");
			Map<String, String> names = new HashMap<>();
			for (JsonNode competition : list.values()) {
				String id = ConnectorHttp.text(competition.path("id"));
				String name = ConnectorHttp.text(competition.path("name"));
				if (name == null) {
					name = ConnectorHttp.text(competition.path("label"));
				}
				if (id != null) {
					names.put(id, (name != null) ? name : id);
				}
			}
			return names;
		});
	}

	private static String orEmpty(JsonNode node) {
		String text = ConnectorHttp.text(node);
		return (text != null) ? text : "";
	}

}

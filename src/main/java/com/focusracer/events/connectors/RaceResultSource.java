package com.focusracer.events.connectors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import com.focusracer.events.ConnectorsProperties;
import com.focusracer.events.Runner;
import com.focusracer.events.StartListSource;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * RaceResult's web API: a login with the API key gives a session token, then one list
 * request returns the participants as an array of arrays, in the order of the fields
 * asked for.
 */
@Component
class RaceResultSource implements StartListSource {

	/** The fields asked for, in the order each row answers them. */
	static final List<String> FIELDS = List.of("BIB", "FIRSTNAME", "LASTNAME", "CONTEST.NAME", "EMAIL", "SEX", "YEAR",
			"CLUB", "TRANSPONDER1");

	private final ConnectorHttp http;

	RaceResultSource(ConnectorsProperties properties) {
		this.http = new ConnectorHttp(platform(), displayName(), properties.raceResult().baseUrl(), properties);
	}

	@Override
	public String platform() {
		return "raceresult";
	}

	@Override
	public String displayName() {
		return "RaceResult";
	}

	@Override
	public int test(Credentials credentials) {
		return list(credentials, List.of("BIB")).size();
	}

	@Override
	public List<Runner> read(Credentials credentials) {
		List<Runner> runners = new ArrayList<>();
		for (JsonNode row : list(credentials, FIELDS)) {
			runners.add(new Runner(orEmpty(row.path(0)), orEmpty(row.path(1)), orEmpty(row.path(2)),
					ConnectorHttp.text(row.path(4)), ConnectorHttp.text(row.path(3)), ConnectorHttp.text(row.path(7)),
					ConnectorHttp.text(row.path(5)), ConnectorHttp.year(ConnectorHttp.text(row.path(6))), null,
					ConnectorHttp.text(row.path(8))));
		}
		return runners;
	}

	private List<JsonNode> list(Credentials credentials, List<String> fields) {
		String token = login(credentials);
		String names = "[" + String.join(",", fields.stream().map((field) -> "\"" + field + "\"").toList()) + "]";
		JsonNode answer = this.http.json(this.http.client()
			.get()
			.uri((uri) -> uri.path("/_{event}/api/data/list")
				.queryParam("fields", "{fields}")
				.queryParam("listFormat", "JSON")
				.build(credentials.reference(), names))
			.header("Authorization", "Bearer " + token));
		return this.http.parse(answer, (json) -> {
			if (!json.isArray()) {
				throw new IllegalStateException("not a list");
			}
			List<JsonNode> rows = new ArrayList<>();
			for (JsonNode row : json.values()) {
				if (!row.isArray()) {
					throw new IllegalStateException("not a row");
				}
				rows.add(row);
			}
			return rows;
		});
	}

	private String login(Credentials credentials) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("apikey", credentials.key());
		byte[] body = this.http.body(this.http.client()
			.post()
			.uri("/api/public/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form));
		// The token comes as plain text (some versions quote it as a JSON string).
		String token = new String(body, StandardCharsets.UTF_8).strip();
		if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
			token = token.substring(1, token.length() - 1);
		}
		else if (token.startsWith("{")) {
			// Some set-ups wrap it: {"token": "…"}.
			JsonNode json = this.http.parse(null,
					(ignored) -> tools.jackson.databind.json.JsonMapper.shared().readTree(body));
			String wrapped = ConnectorHttp.text(json.path("token"));
			if (wrapped == null) {
				wrapped = ConnectorHttp.text(json.path("access_token"));
			}
			token = (wrapped != null) ? wrapped : "";
		}
		if (token.isEmpty()) {
			throw new com.focusracer.events.EventException("connector.raceresult.refused");
		}
		return token;
	}

	private static String orEmpty(JsonNode node) {
		String text = ConnectorHttp.text(node);
		return (text != null) ? text : "";
	}

}

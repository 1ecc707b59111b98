package com.focusracer.events.connectors;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * WireMock fed with the shapes the registration platforms answer (Njuko's as public
 * open-source clients use them, RaceResult's and RunSignup's as documented).
 */
public final class PlatformStubs {

	public static final String NJUKO_EDITION = "ed-2026";

	public static final String NJUKO_KEY = "njk_live_5f3a9c2e7b1d4e60";

	public static final String RACERESULT_EVENT = "301234";

	public static final String RACERESULT_KEY = "rr-key-8c1e44d0b2a9f7aa";

	public static final String RUNSIGNUP_RACE = "98765";

	public static final String RUNSIGNUP_EVENT = "556677";

	public static final String RUNSIGNUP_KEY = "rsu-key-71ab3c9d02ef";

	public static final String RUNSIGNUP_SECRET = "rsu-secret-0f9e8d7c6b5a";

	private PlatformStubs() {
	}

	/**
	 * Njuko with two competitions and the registrations on two pages (the second one
	 * holding the last runner).
	 * @param server the stub
	 * @param lastRunner the second page's registration (JSON), to change it between syncs
	 */
	public static void njuko(WireMockServer server, String lastRunner) {
		server.stubFor(get(urlPathEqualTo("/api-registrations/ping")).withHeader("Edition", equalTo(NJUKO_EDITION))
			.withHeader("Authorization", equalTo(NJUKO_KEY))
			.willReturn(aResponse().withStatus(200).withBody("pong")));
		server.stubFor(get(urlPathEqualTo("/api-registrations/competition"))
			.withHeader("Authorization", equalTo(NJUKO_KEY))
			.willReturn(json("[{\"id\":\"c10\",\"name\":\"10 km\"},{\"id\":\"c21\",\"name\":\"Semi-marathon\"}]")));
		server.stubFor(post(urlPathEqualTo("/api-registrations/registrations"))
			.withHeader("Authorization", equalTo(NJUKO_KEY))
			.withRequestBody(matchingJsonPath("$.from", equalTo("0")))
			.willReturn(json("{\"resultsSize\":2,\"totalHits\":3,\"results\":["
					+ njukoRegistration("r1", "101", "Jérôme", "Dupont", "jerome@example.fr", "c10", "VALIDATED") + ","
					+ njukoRegistration("r2", "102", "Zoé", "Lefèvre", "zoe@example.fr", "c21", "VALIDATED") + "]}")));
		server.stubFor(
				post(urlPathEqualTo("/api-registrations/registrations")).withHeader("Authorization", equalTo(NJUKO_KEY))
					.withRequestBody(matchingJsonPath("$.from", equalTo("2")))
					.willReturn(json("{\"resultsSize\":1,\"totalHits\":3,\"results\":[" + lastRunner + "]}")));
	}

	/**
	 * Replaces Njuko's first page of registrations.
	 * @param server the stub
	 * @param totalHits the total it announces
	 * @param registrations the page's registrations (JSON)
	 */
	public static void njukoFirstPage(WireMockServer server, int totalHits, String... registrations) {
		server.stubFor(post(urlPathEqualTo("/api-registrations/registrations"))
			.withRequestBody(matchingJsonPath("$.from", equalTo("0")))
			.willReturn(json("{\"resultsSize\":" + registrations.length + ",\"totalHits\":" + totalHits
					+ ",\"results\":[" + String.join(",", registrations) + "]}")));
	}

	public static String njukoRegistration(String id, String bib, String first, String last, String email,
			String competition, String status) {
		return "{\"id\":\"" + id + "\",\"registrationCode\":\"REG-" + id + "\",\"firstname\":\"" + first
				+ "\",\"lastname\":\"" + last + "\",\"birthdate\":\"1985-04-12\",\"email\":\"" + email
				+ "\",\"gender\":\"M\",\"competition_id\":\"" + competition + "\",\"status\":\"" + status
				+ "\",\"bib\":{\"code\":\"" + bib + "\",\"codeAsInteger\":" + bib + "}}";
	}

	/**
	 * RaceResult: a login answering a token, then the list as an array of arrays.
	 * @param server the stub
	 */
	public static void raceResult(WireMockServer server) {
		server.stubFor(post(urlPathEqualTo("/api/public/login")).withRequestBody(equalTo("apikey=" + RACERESULT_KEY))
			.willReturn(aResponse().withStatus(200).withBody("tok-42")));
		server.stubFor(get(urlPathEqualTo("/_" + RACERESULT_EVENT + "/api/data/list"))
			.withHeader("Authorization", equalTo("Bearer tok-42"))
			.withQueryParam("listFormat", equalTo("JSON"))
			.willReturn(json("[[\"7\",\"Léa\",\"Martin\",\"10 km\",\"lea@example.fr\",\"f\",\"1999\",\"Lyon Tri\","
					+ "\"CHIP7\"],[\"8\",\"Paul\",\"Durand\",\"Semi\",\"\",\"m\",\"1980\",\"\",\"\"]]")));
	}

	/**
	 * RunSignup: participants of one event on two pages ({@code results_per_page} full,
	 * then one), as the documented {@code [{event, participants}]}.
	 * @param server the stub
	 */
	public static void runSignup(WireMockServer server) {
		StringBuilder first = new StringBuilder();
		for (int i = 0; i < RunSignupSource.PAGE_SIZE; i++) {
			first.append((i > 0) ? "," : "").append(runSignupParticipant(1000 + i, "Runner" + i));
		}
		server.stubFor(get(urlPathEqualTo("/Rest/race/" + RUNSIGNUP_RACE + "/participants"))
			.withQueryParam("event_id", equalTo(RUNSIGNUP_EVENT))
			.withQueryParam("api_key", equalTo(RUNSIGNUP_KEY))
			.withQueryParam("api_secret", equalTo(RUNSIGNUP_SECRET))
			.withQueryParam("page", equalTo("1"))
			.willReturn(json("[{\"event\":{\"event_id\":" + RUNSIGNUP_EVENT + "},\"participants\":[" + first + "]}]")));
		server.stubFor(get(urlPathEqualTo("/Rest/race/" + RUNSIGNUP_RACE + "/participants"))
			.withQueryParam("api_key", equalTo(RUNSIGNUP_KEY))
			.withQueryParam("page", equalTo("2"))
			.willReturn(json("[{\"event\":{\"event_id\":" + RUNSIGNUP_EVENT + "},\"participants\":["
					+ runSignupParticipant(5, "Ada") + "]}]")));
	}

	static String runSignupParticipant(int bib, String first) {
		return "{\"registration_id\":" + (70000 + bib) + ",\"bib_num\":" + bib + ",\"user\":{\"first_name\":\"" + first
				+ "\",\"last_name\":\"Lovelace\",\"email\":\"r" + bib + "@example.com\",\"gender\":\"F\","
				+ "\"dob\":\"1990-12-10\"}}";
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

}

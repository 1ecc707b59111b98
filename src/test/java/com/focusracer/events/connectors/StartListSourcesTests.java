package com.focusracer.events.connectors;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.events.ConnectorsProperties;
import com.focusracer.events.EventException;
import com.focusracer.events.Runner;
import com.focusracer.events.StartListSource.Credentials;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each platform's client against WireMock answering the platform's shapes: paging,
 * refused keys, server errors, slow and huge answers.
 */
class StartListSourcesTests {

	static final WireMockServer STUB = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final Credentials NJUKO = new Credentials(PlatformStubs.NJUKO_EDITION, null, PlatformStubs.NJUKO_KEY, null);

	@BeforeAll
	static void start() {
		STUB.start();
	}

	@AfterAll
	static void stop() {
		STUB.stop();
	}

	@BeforeEach
	void reset() {
		STUB.resetAll();
	}

	@Test
	void njukoReadsEveryPageAndNamesEachRunnersCompetition() {
		PlatformStubs.njuko(STUB,
				PlatformStubs.njukoRegistration("r3", "103", "Léa", "Martin", "lea@example.fr", "c10", "VALIDATED"));
		NjukoSource njuko = new NjukoSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10));
		assertThat(njuko.test(NJUKO)).as("competitions").isEqualTo(2);
		List<Runner> runners = njuko.read(NJUKO);
		assertThat(runners).extracting(Runner::bib).containsExactly("101", "102", "103");
		assertThat(runners.get(1)).isEqualTo(
				new Runner("102", "Zoé", "Lefèvre", "zoe@example.fr", "Semi-marathon", null, "M", 1985, null, null));
		STUB.verify(2, postRequestedFor(urlPathEqualTo("/api-registrations/registrations")));
	}

	@Test
	void njukoLeavesCancelledRegistrationsOut() {
		PlatformStubs.njuko(STUB,
				PlatformStubs.njukoRegistration("r3", "103", "Léa", "Martin", "lea@example.fr", "c10", "CANCELLED"));
		assertThat(new NjukoSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10)).read(NJUKO))
			.extracting(Runner::bib)
			.containsExactly("101", "102");
	}

	@Test
	void njukoWithoutCompetitionNamesKeepsTheirIds() {
		STUB.stubFor(post(urlPathEqualTo("/api-registrations/registrations"))
			.willReturn(PlatformStubs.json("{\"resultsSize\":1,\"totalHits\":1,\"results\":["
					+ PlatformStubs.njukoRegistration("r", "5", "A", "B", "a@example.fr", "c10", "VALIDATED") + "]}")));
		assertThat(new NjukoSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10)).read(NJUKO))
			.extracting(Runner::category)
			.containsExactly("c10");
	}

	@Test
	void raceResultTokenMayComeWrappedInJson() {
		PlatformStubs.raceResult(STUB);
		STUB.stubFor(
				post(urlPathEqualTo("/api/public/login")).willReturn(PlatformStubs.json("{\"token\":\"tok-42\"}")));
		assertThat(new RaceResultSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10))
			.test(new Credentials(PlatformStubs.RACERESULT_EVENT, null, PlatformStubs.RACERESULT_KEY, null)))
			.isEqualTo(2);
	}

	@Test
	void aRefusedKeySaysWhatToCheck() {
		STUB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
		assertThatExceptionOfType(EventException.class)
			.isThrownBy(
					() -> new NjukoSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10)).test(NJUKO))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("connector.njuko.refused"));
		assertThatExceptionOfType(EventException.class)
			.isThrownBy(() -> new RaceResultSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10))
				.read(new Credentials(PlatformStubs.RACERESULT_EVENT, null, "wrong", null)))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("connector.raceresult.refused"));
	}

	@Test
	void aServerErrorChangesNothingAndSaysSo() {
		STUB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(EventException.class)
			.isThrownBy(
					() -> new NjukoSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10)).read(NJUKO))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("connector.unavailable");
				assertThat(ex.arguments()).containsExactly("Njuko", 500);
			});
	}

	@Test
	void aSlowPlatformTimesOut() {
		STUB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(2000).withBody("[]")));
		assertThatExceptionOfType(EventException.class)
			.isThrownBy(
					() -> new NjukoSource(properties(Duration.ofMillis(300), DataSize.ofMegabytes(1), 10)).read(NJUKO))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("connector.timeout"));
	}

	@Test
	void aHugeAnswerIsNotReadPastTheLimit() {
		STUB.stubFor(get(urlPathEqualTo("/api-registrations/competition"))
			.willReturn(PlatformStubs.json("[" + "{\"id\":\"c\",\"name\":\"x\"},".repeat(20_000) + "{}]")));
		assertThatExceptionOfType(EventException.class)
			.isThrownBy(
					() -> new NjukoSource(properties(Duration.ofSeconds(5), DataSize.ofKilobytes(64), 10)).read(NJUKO))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("connector.tooLarge"));
	}

	@Test
	void pagingStopsAtTheHardCap() {
		// A platform that always claims more: the cap ends it.
		STUB.stubFor(get(urlPathEqualTo("/api-registrations/competition")).willReturn(PlatformStubs.json("[]")));
		STUB.stubFor(post(urlPathEqualTo("/api-registrations/registrations"))
			.willReturn(PlatformStubs.json("{\"resultsSize\":1,\"totalHits\":999999,\"results\":["
					+ PlatformStubs.njukoRegistration("r", "1", "A", "B", "a@example.fr", "c", "VALIDATED") + "]}")));
		assertThatExceptionOfType(EventException.class)
			.isThrownBy(
					() -> new NjukoSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 3)).read(NJUKO))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("connector.tooManyPages"));
		STUB.verify(3, postRequestedFor(urlPathEqualTo("/api-registrations/registrations")));
	}

	@Test
	void raceResultLogsInThenReadsTheListOfArrays() {
		PlatformStubs.raceResult(STUB);
		List<Runner> runners = new RaceResultSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10))
			.read(new Credentials(PlatformStubs.RACERESULT_EVENT, null, PlatformStubs.RACERESULT_KEY, null));
		assertThat(runners).containsExactly(
				new Runner("7", "Léa", "Martin", "lea@example.fr", "10 km", "Lyon Tri", "f", 1999, null, "CHIP7"),
				new Runner("8", "Paul", "Durand", null, "Semi", null, "m", 1980, null, null));
	}

	@Test
	void runSignupReadsEveryPage() {
		PlatformStubs.runSignup(STUB);
		List<Runner> runners = new RunSignupSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10))
			.read(new Credentials(PlatformStubs.RUNSIGNUP_RACE, PlatformStubs.RUNSIGNUP_EVENT,
					PlatformStubs.RUNSIGNUP_KEY, PlatformStubs.RUNSIGNUP_SECRET));
		assertThat(runners).hasSize(RunSignupSource.PAGE_SIZE + 1);
		assertThat(runners.get(runners.size() - 1))
			.isEqualTo(new Runner("5", "Ada", "Lovelace", "r5@example.com", null, null, "F", 1990, null, null));
	}

	@Test
	void runSignupRefusalComesAsAnErrorObject() {
		STUB.stubFor(get(urlPathEqualTo("/Rest/race/1/participants")).willReturn(
				PlatformStubs.json("{\"error\":{\"error_code\":6,\"error_msg\":\"Invalid API key or secret.\"}}")));
		assertThatExceptionOfType(EventException.class)
			.isThrownBy(() -> new RunSignupSource(properties(Duration.ofSeconds(5), DataSize.ofMegabytes(1), 10))
				.read(new Credentials("1", "2", "k", "s")))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("connector.runsignup.refused"));
	}

	static ConnectorsProperties properties(Duration readTimeout, DataSize maxResponse, int maxPages) {
		ConnectorsProperties.Api api = new ConnectorsProperties.Api(STUB.baseUrl());
		return new ConnectorsProperties(null, api, api, api, Duration.ofSeconds(2), readTimeout, maxResponse, maxPages,
				null, null, null, null);
	}

}

package com.focusracer.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Registration connectors ({@code focusracer.events.connectors.*}).
 *
 * @param secretKey the AES key (base64, 16, 24 or 32 bytes) that encrypts connector
 * credentials; every node must have the same. Unset: a fixed development key, which
 * production must not use
 * @param njuko Njuko's API
 * @param raceResult RaceResult's API
 * @param runSignup RunSignup's API
 * @param connectTimeout how long to wait for a platform's connection (5 s)
 * @param readTimeout how long to wait for a platform's answer (30 s)
 * @param maxResponseSize the largest answer read from a platform (20 MB)
 * @param maxPages the most pages read from a paged API (400)
 * @param syncPoll how often each node looks for connectors due a re-sync (1 min)
 * @param syncBeforeRace the time between re-syncs until race day (15 min)
 * @param syncAfterRace the time between re-syncs from race day on (1 h)
 * @param syncDaysAfterRace the days after the race when re-syncs stop (7)
 */
@ConfigurationProperties("focusracer.events.connectors")
public record ConnectorsProperties(String secretKey, Api njuko, Api raceResult, Api runSignup, Duration connectTimeout,
		Duration readTimeout, DataSize maxResponseSize, Integer maxPages, Duration syncPoll, Duration syncBeforeRace,
		Duration syncAfterRace, Integer syncDaysAfterRace) {

	public ConnectorsProperties {
		njuko = Api.orDefault(njuko, "https://api.njuko.net");
		raceResult = Api.orDefault(raceResult, "https://events.raceresult.com");
		runSignup = Api.orDefault(runSignup, "https://runsignup.com");
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(30);
		maxResponseSize = (maxResponseSize != null) ? maxResponseSize : DataSize.ofMegabytes(20);
		maxPages = (maxPages != null) ? maxPages : 400;
		syncPoll = (syncPoll != null) ? syncPoll : Duration.ofMinutes(1);
		syncBeforeRace = (syncBeforeRace != null) ? syncBeforeRace : Duration.ofMinutes(15);
		syncAfterRace = (syncAfterRace != null) ? syncAfterRace : Duration.ofHours(1);
		syncDaysAfterRace = (syncDaysAfterRace != null) ? syncDaysAfterRace : 7;
	}

	/**
	 * One platform's API.
	 *
	 * @param baseUrl where it answers (in tests, a WireMock server standing in for the
	 * platform)
	 */
	public record Api(String baseUrl) {

		static Api orDefault(Api api, String baseUrl) {
			return (api != null && api.baseUrl() != null && !api.baseUrl().isBlank()) ? api : new Api(baseUrl);
		}

	}

}

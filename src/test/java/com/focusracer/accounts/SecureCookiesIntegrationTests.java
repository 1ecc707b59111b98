package com.focusracer.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site whose public address is HTTPS sends its cookies {@code Secure}, even when the
 * request reaching it is plain HTTP (a proxy in front ends TLS).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "focusracer.base-url=https://photos.example.com", "focusracer.workers.threads=0" })
class SecureCookiesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theSessionAndLanguageCookiesAreSecureBehindAnHttpsAddress() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		// The login page starts a session (its form carries a CSRF token) and ?lang
		// sets the language cookie.
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login?lang=en")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies(
					(cookie) -> assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
		assertThat(cookies).filteredOn((cookie) -> cookie.startsWith("focusracer-lang="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure"));
	}

}

package com.focusracer.shared.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.focusracer.shared.ratelimit.MutableClock;
import com.focusracer.shared.ratelimit.OpenStreams;
import com.focusracer.shared.ratelimit.RateLimitedException;
import com.focusracer.shared.ratelimit.RealisticRateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Streams count against their address's cap until they close, and close once idle.
 */
@SpringBootTest
@RealisticRateLimits
class LiveStreamsIntegrationTests {

	@Autowired
	OpenStreams openStreams;

	@Autowired
	JdbcClient jdbc;

	private final MutableClock clock = new MutableClock(Instant.now());

	@AfterEach
	void closeAll() {
		this.jdbc.sql("delete from open_stream").update();
	}

	@Test
	void aStreamWithNoNewsForTheIdleTimeoutIsClosedAndGivesItsPlaceBack() {
		LiveStreams streams = new LiveStreams(this.openStreams, this.clock);
		SseEmitter quiet = streams.open(from("203.0.113.40"));
		SseEmitter busy = streams.open(from("203.0.113.40"));
		this.clock.advance(this.openStreams.idleTimeout().minus(Duration.ofMinutes(1)));
		assertThat(streams.send(busy, SseEmitter.event().name("photo").data("news"))).isTrue();
		this.clock.advance(Duration.ofMinutes(2));
		streams.heartbeat();
		assertThat(streams.openHere()).isEqualTo(1);
		assertThat(streams.send(quiet, SseEmitter.event().name("photo").data("too late"))).as("closed").isFalse();
		assertThat(streams.send(busy, SseEmitter.event().name("photo").data("more news"))).isTrue();
		assertThat(this.jdbc.sql("select count(*) from open_stream").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anAddressPastItsCapIsRefusedUntilOneOfItsStreamsCloses() {
		LiveStreams streams = new LiveStreams(this.openStreams, this.clock);
		int cap = 3;
		SseEmitter first = streams.open(from("203.0.113.41"));
		for (int i = 1; i < cap; i++) {
			streams.open(from("203.0.113.41"));
		}
		assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> streams.open(from("203.0.113.41")))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("rateLimit.streams"));
		streams.open(from("203.0.113.42"));
		// The browser went away: the next send finds out and gives the place back.
		first.completeWithError(new java.io.IOException("gone"));
		assertThat(streams.send(first, SseEmitter.event().comment("x"))).isFalse();
		streams.open(from("203.0.113.41"));
	}

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/events/x/live");
		request.setRemoteAddr(address);
		return request;
	}

}

package com.focusracer.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open streams are counted per address over every node, and a dead node's streams stop
 * counting.
 */
@SpringBootTest
@RealisticRateLimits
class OpenStreamsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RateLimitsProperties properties;

	@AfterEach
	void closeAll() {
		this.jdbc.sql("delete from open_stream").update();
	}

	@Test
	void anAddressKeepsOnlySoManyStreamsOpenOverAllNodes() {
		OpenStreams node1 = new OpenStreams(this.jdbc, Clock.systemUTC(), this.properties);
		OpenStreams node2 = new OpenStreams(this.jdbc, Clock.systemUTC(), this.properties);
		int cap = this.properties.streams().perAddress();
		Optional<UUID> first = node1.open("203.0.113.30");
		assertThat(first).isPresent();
		for (int i = 1; i < cap; i++) {
			assertThat(((i % 2 == 0) ? node1 : node2).open("203.0.113.30")).isPresent();
		}
		assertThat(node1.open("203.0.113.30")).isEmpty();
		assertThat(node2.open("203.0.113.30")).isEmpty();
		assertThat(node2.open("203.0.113.31")).as("another address").isPresent();

		node1.close(first.get());
		assertThat(node2.open("203.0.113.30")).as("a place given back").isPresent();
		assertThat(this.jdbc.sql("select address_key from open_stream").query(String.class).list())
			.noneMatch((key) -> key.contains("203.0.113"));
	}

	@Test
	void theStreamsOfANodeThatDiedStopCounting() {
		OpenStreams alive = new OpenStreams(this.jdbc, Clock.systemUTC(), this.properties);
		int cap = this.properties.streams().perAddress();
		List<UUID> kept = new java.util.ArrayList<>();
		for (int i = 0; i < cap; i++) {
			kept.add(alive.open("203.0.113.32").orElseThrow());
		}
		assertThat(alive.open("203.0.113.32")).isEmpty();
		// A node marked none of them for longer than a few heartbeats: it died with them.
		this.jdbc.sql("update open_stream set seen_at = seen_at - interval '10 minutes'").update();
		assertThat(alive.open("203.0.113.32")).isPresent();
		alive.stillOpen(List.of());
		assertThat(this.jdbc.sql("select count(*) from open_stream").query(Long.class).single())
			.as("the dead node's rows deleted")
			.isEqualTo(1);
		assertThat(OpenStreams.STALE).isGreaterThan(Duration.ofSeconds(40));
	}

}

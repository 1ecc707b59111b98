package com.focusracer.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.focusracer.shared.ratelimit.RateLimitsProperties.Limit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buckets live in PostgreSQL: two nodes (two {@link RateLimits} on the same database,
 * as two application instances would be) take from the same bucket; buckets refill, and
 * the ones full again are deleted.
 */
@SpringBootTest
@RealisticRateLimits
class RateLimitsIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@Test
	void twoNodesOnOneDatabaseShareTheirBuckets() {
		RateLimits node1 = node(Clock.systemUTC());
		RateLimits node2 = node(Clock.systemUTC());
		assertThat(node1.tryAcquire(RateLimit.SIGN_UP, "203.0.113.9")).isEmpty();
		assertThat(node2.tryAcquire(RateLimit.SIGN_UP, "203.0.113.9")).isEmpty();
		assertThat(node1.tryAcquire(RateLimit.SIGN_UP, "203.0.113.9")).isEmpty();
		assertThat(node2.tryAcquire(RateLimit.SIGN_UP, "203.0.113.9")).as("the fourth, on either node")
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20)));
		assertThat(node1.tryAcquire(RateLimit.SIGN_UP, "203.0.113.9")).isPresent();
		assertThat(node2.tryAcquire(RateLimit.SIGN_UP, "203.0.113.10")).as("another address").isEmpty();
		assertThat(node1.tryAcquire(RateLimit.PASSWORD_RESET, "203.0.113.9")).as("another policy").isEmpty();

		// In PostgreSQL, with neither the address nor anything else personal in the key.
		assertThat(this.jdbc.sql("select id from rate_limit_bucket where state is not null").query(String.class).list())
			.hasSize(3)
			.noneMatch((id) -> id.contains("203.0.113"))
			.anyMatch((id) -> id.startsWith("sign-up:"));
	}

	@Test
	void givingBackAndForgettingAreSharedToo() {
		RateLimits node1 = node(Clock.systemUTC());
		RateLimits node2 = node(Clock.systemUTC());
		for (int i = 0; i < 3; i++) {
			assertThat(node1.tryAcquire(RateLimit.LOGIN, "a pair")).isEmpty();
		}
		node2.giveBack(RateLimit.LOGIN, "a pair");
		assertThat(node1.tryAcquire(RateLimit.LOGIN, "a pair")).as("the one given back").isEmpty();
		assertThat(node1.tryAcquire(RateLimit.LOGIN, "a pair")).isPresent();
		node2.forget(RateLimit.LOGIN, "a pair");
		for (int i = 0; i < 3; i++) {
			assertThat(node1.tryAcquire(RateLimit.LOGIN, "a pair")).as("full again").isEmpty();
		}
	}

	@Test
	void bucketsRefillOverTheirPeriod() {
		MutableClock clock = new MutableClock(Instant.now());
		RateLimits node = node(clock);
		for (int i = 0; i < 3; i++) {
			assertThat(node.tryAcquire(RateLimit.SIGN_UP, "203.0.113.11")).isEmpty();
		}
		assertThat(node.tryAcquire(RateLimit.SIGN_UP, "203.0.113.11")).isPresent();
		clock.advance(Duration.ofMinutes(21));
		assertThat(node.tryAcquire(RateLimit.SIGN_UP, "203.0.113.11")).as("one back every 20 minutes").isEmpty();
		assertThat(node.tryAcquire(RateLimit.SIGN_UP, "203.0.113.11")).isPresent();
	}

	@Test
	void bucketsFullAgainAreDeleted() {
		RateLimits node = node(Clock.systemUTC());
		node.tryAcquire(RateLimit.SIGN_UP, "used long ago");
		node.tryAcquire(RateLimit.SIGN_UP, "used now");
		long now = System.currentTimeMillis();
		// Each row says when its bucket is full again (one taken: 20 minutes), and a
		// minute
		// more.
		assertThat(this.jdbc.sql("select expires_at from rate_limit_bucket").query(Long.class).list())
			.allSatisfy((expiresAt) -> assertThat(expiresAt).isBetween(now + Duration.ofMinutes(20).toMillis(),
					now + Duration.ofMinutes(22).toMillis()));
		this.jdbc
			.sql("update rate_limit_bucket set expires_at = expires_at - ? where id = (select min(id) from "
					+ "rate_limit_bucket)")
			.param(Duration.ofHours(1).toMillis())
			.update();
		node.forgetFullBuckets();
		assertThat(this.jdbc.sql("select count(*) from rate_limit_bucket").query(Long.class).single())
			.as("the one full again is gone, the one in use stays")
			.isEqualTo(1);
	}

	private RateLimits node(Clock clock) {
		Limit three = new Limit(3, Duration.ofHours(1));
		return new RateLimits(this.dataSource, new RateLimitsProperties(three, three, three, three, three, three, three,
				three, three, three, three, null, three, three, three, three, three, three), clock);
	}

}

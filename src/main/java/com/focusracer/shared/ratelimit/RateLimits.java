package com.focusracer.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rate limits, as token buckets (Bucket4j) kept in PostgreSQL's
 * {@code rate_limit_bucket} table, so that every node counts in the same buckets. Each
 * bucket is locked with {@code SELECT … FOR UPDATE} while a request takes from it; its
 * row may be deleted once the bucket is full again, which the sweep does.
 */
@Component
public class RateLimits {

	// Rows outlive the moment their bucket is full again by this much: a deleted bucket
	// is
	// a full one, so nothing is lost by deleting it.
	private static final Duration KEEP_FULL_BUCKETS = Duration.ofMinutes(1);

	private static final int SWEEP_BATCH = 1000;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final RateLimitsProperties properties;

	private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);

	RateLimits(DataSource dataSource, RateLimitsProperties properties, Clock clock) {
		this.properties = properties;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
			.clientClock(timeMeter(clock))
			.build();
		for (RateLimit policy : RateLimit.values()) {
			RateLimitsProperties.Limit limit = properties.of(policy);
			this.configurations.put(policy,
					BucketConfiguration.builder()
						.addLimit((bandwidth) -> bandwidth.capacity(limit.capacity())
							.refillGreedy(limit.capacity(), limit.period()))
						.build());
		}
	}

	/**
	 * Takes one request from a subject's bucket.
	 * @param policy the policy
	 * @param subject whose bucket: a client address, an account id, a pair
	 * @return empty when the request may go ahead, else how long until one would
	 */
	public Optional<Duration> tryAcquire(RateLimit policy, String subject) {
		ConsumptionProbe probe = bucket(policy, subject).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Takes one request from a subject's bucket, or refuses it.
	 * @param policy the policy
	 * @param subject whose bucket
	 * @throws RateLimitedException when the bucket is empty
	 */
	public void acquire(RateLimit policy, String subject) {
		tryAcquire(policy, subject).ifPresent((wait) -> {
			throw new RateLimitedException(policy, wait);
		});
	}

	/**
	 * Gives back one request taken from a subject's bucket (one that turned out not to
	 * count, such as a login with the right password).
	 * @param policy the policy
	 * @param subject whose bucket
	 */
	public void giveBack(RateLimit policy, String subject) {
		bucket(policy, subject).addTokens(1);
	}

	/**
	 * Forgets what a subject used: its bucket is full again.
	 * @param policy the policy
	 * @param subject whose bucket
	 */
	public void forget(RateLimit policy, String subject) {
		this.buckets.removeProxy(key(policy, subject));
	}

	/**
	 * The limit a policy enforces.
	 * @param policy the policy
	 * @return its capacity and period
	 */
	public RateLimitsProperties.Limit limit(RateLimit policy) {
		return this.properties.of(policy);
	}

	/** Deletes the buckets that are full again, on whichever node gets there first. */
	@Scheduled(fixedDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	void forgetFullBuckets() {
		while (this.buckets.removeExpired(SWEEP_BATCH) == SWEEP_BATCH) {
			// Another batch: the sweep stops at the first one that is not full.
		}
	}

	private BucketProxy bucket(RateLimit policy, String subject) {
		return this.buckets.builder().build(key(policy, subject), this.configurations.get(policy));
	}

	private String key(RateLimit policy, String subject) {
		// The limit is part of the key: a changed limit starts new buckets rather than
		// reading ones made under the old limit (those expire).
		RateLimitsProperties.Limit limit = this.properties.of(policy);
		return policy.configName() + ":" + limit.capacity() + "/" + limit.period().toSeconds() + ":"
				+ Subjects.hash(subject);
	}

	private static TimeMeter timeMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

}

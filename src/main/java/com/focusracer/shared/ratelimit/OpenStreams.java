package com.focusracer.shared.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Server-Sent Events streams open on all nodes, one row each in {@code open_stream},
 * so that a client address may keep only so many open at once wherever they land.
 * <p>
 * Hand-written rather than a Bucket4j bucket: a bucket limits how often something
 * happens, this limits how many are open at the same moment, and a stream must give its
 * place back when it closes. A node that dies cannot give them back: every node marks its
 * streams as still open each heartbeat, and rows not marked for {@link #STALE} no longer
 * count.
 */
@Component
public class OpenStreams {

	/** Rows not marked as open for this long are a dead node's. */
	static final Duration STALE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RateLimitsProperties properties;

	OpenStreams(JdbcClient jdbc, Clock clock, RateLimitsProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Opens a stream for a client address, unless it has as many open as allowed.
	 * @param address the client's address
	 * @return the stream's id, or empty when the address has its streams open
	 */
	@Transactional
	public Optional<UUID> open(String address) {
		String key = Subjects.hash(address);
		Instant now = this.clock.instant();
		// One address at a time, on any node: the count and the insert must not
		// interleave with another stream of the same address.
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 0))) locked")
			.param(key)
			.query(Integer.class)
			.single();
		long open = this.jdbc.sql("select count(*) from open_stream where address_key = ? and seen_at > ?")
			.params(key, Timestamp.from(now.minus(STALE)))
			.query(Long.class)
			.single();
		if (open >= this.properties.streams().perAddress()) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into open_stream (id, address_key, opened_at, seen_at) values (?, ?, ?, ?)")
			.params(id, key, Timestamp.from(now), Timestamp.from(now))
			.update();
		return Optional.of(id);
	}

	/**
	 * Gives a stream's place back.
	 * @param id the stream
	 */
	public void close(UUID id) {
		this.jdbc.sql("delete from open_stream where id = ?").param(id).update();
	}

	/**
	 * Marks this node's streams as still open, and deletes the rows of streams no node
	 * marked for a while.
	 * @param ids the streams open on this node
	 */
	@Transactional
	public void stillOpen(Collection<UUID> ids) {
		Instant now = this.clock.instant();
		List<UUID> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += 1000) {
			this.jdbc.sql("update open_stream set seen_at = :now where id in (:ids)")
				.param("now", Timestamp.from(now))
				.param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
				.update();
		}
		this.jdbc.sql("delete from open_stream where seen_at < ?").param(Timestamp.from(now.minus(STALE))).update();
	}

	/**
	 * How long a stream may send nothing but keep-alives before it is closed.
	 * @return the idle timeout
	 */
	public Duration idleTimeout() {
		return this.properties.streams().idleTimeout();
	}

}

package com.focusracer.shared.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs again the durable listeners ({@code @ApplicationModuleListener}) that did not
 * finish: a node stopped or died between an event's commit and its listener's end, or the
 * listener failed. Their publications stay in {@code event_publication} (the Spring
 * Modulith JDBC registry) until they succeed.
 * <p>
 * Spring Modulith's own "republish on restart" would have every starting node run again
 * every incomplete publication, including those another live node is running at that
 * moment. Instead one node at a time (a PostgreSQL advisory lock, taken for the
 * resubmission's transaction) resubmits those older than {@code resubmit-after}, which a
 * healthy node finishes in milliseconds. Delivery is thus at least once: listeners are
 * idempotent.
 */
@Component
class EventPublicationResubmission {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationResubmission.class);

	/** The advisory lock's key: one per database, any fixed number nobody else uses. */
	private static final long LOCK = 0x466F637573L;

	private final IncompleteEventPublications publications;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Duration after;

	private final java.time.Clock clock;

	EventPublicationResubmission(IncompleteEventPublications publications, TransactionTemplate transactions,
			JdbcClient jdbc, java.time.Clock clock,
			@Value("${focusracer.event-publications.resubmit-after:PT5M}") Duration after) {
		this.publications = publications;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.after = after;
		this.clock = clock;
	}

	/**
	 * Resubmits the incomplete publications older than {@code resubmit-after}, unless
	 * another node is doing it.
	 * @return how many were incomplete and old enough, or -1 when another node had the
	 * lock
	 */
	@Scheduled(initialDelayString = "${focusracer.event-publications.resubmit-delay:PT1M}",
			fixedDelayString = "${focusracer.event-publications.resubmit-every:PT1M}")
	int resubmit() {
		Integer count = this.transactions.execute((status) -> {
			if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
				return -1;
			}
			int stale = this.jdbc
				.sql("select count(*) from event_publication where completion_date is null and publication_date < ?")
				.param(java.sql.Timestamp.from(this.clock.instant().minus(this.after)))
				.query(Integer.class)
				.single();
			if (stale > 0) {
				log.warn("Running again {} event listener(s) that did not finish (a node stopped, or they failed)",
						stale);
				this.publications.resubmitIncompletePublicationsOlderThan(this.after);
			}
			return stale;
		});
		return (count != null) ? count : 0;
	}

}

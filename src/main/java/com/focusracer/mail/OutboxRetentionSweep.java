package com.focusracer.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the bodies of e-mails older than the retention period
 * ({@code focusracer.mail.body-retention}, 30 days by default) once they are no longer
 * waiting to be sent: sent, failed, or kept for lack of an SMTP server. The links they
 * carried (password resets, invitations, order keys) then exist nowhere on the platform;
 * the row stays (recipient, subject, dates). A rule of the daily retention sweep (run
 * through {@link Outbox#purgeExpiredBodies()}); the update is idempotent.
 */
@Component
class OutboxRetentionSweep {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetentionSweep.class);

	private final JdbcClient jdbc;

	private final MailProperties properties;

	private final Clock clock;

	OutboxRetentionSweep(JdbcClient jdbc, MailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Empties the bodies past their retention.
	 * @return how many were emptied
	 */
	@Transactional
	public int purge() {
		Instant now = this.clock.instant();
		int purged = this.jdbc
			.sql("""
					update outbox_mail set body = '', body_purged_at = ?
					where body_purged_at is null and status not in ('PENDING', 'SENDING') and coalesce(sent_at, created_at) < ?""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(this.properties.bodyRetention())))
			.update();
		if (purged > 0) {
			log.info("{} e-mail bodies older than {} deleted", purged, this.properties.bodyRetention());
		}
		return purged;
	}

}

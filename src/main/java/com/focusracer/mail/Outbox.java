package com.focusracer.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores every outgoing e-mail, in the caller's transaction, so that an e-mail exists
 * exactly when the action that caused it was committed. The sender delivers it
 * afterwards.
 */
@Service
public class Outbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean smtpConfigured;

	private final MailProperties properties;

	private final OutboxRetentionSweep bodies;

	Outbox(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mailSender, MailProperties properties,
			OutboxRetentionSweep bodies) {
		this.bodies = bodies;
		this.jdbc = jdbc;
		this.clock = clock;
		this.smtpConfigured = mailSender.getIfAvailable() != null;
		this.properties = properties;
	}

	/**
	 * Stores an e-mail for sending.
	 * @param recipient the address
	 * @param subject the subject line
	 * @param body the plain-text body
	 * @return the stored e-mail's id
	 */
	@Transactional
	public UUID queue(String recipient, String subject, String body) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into outbox_mail (id, recipient, subject, body, status, created_at, next_attempt_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, recipient, subject, body,
					(this.smtpConfigured ? OutboxMail.Status.PENDING : OutboxMail.Status.KEPT).name(),
					Timestamp.from(this.clock.instant()), Timestamp.from(this.clock.instant()))
			.update();
		return id;
	}

	/**
	 * The newest e-mails, newest first.
	 * @param recipientFilter part of an address to filter on, or {@code null}
	 * @param limit how many at most
	 * @return the e-mails
	 */
	@Transactional(readOnly = true)
	public List<OutboxMail> latest(String recipientFilter, int limit) {
		String filter = (recipientFilter == null || recipientFilter.isBlank()) ? "%"
				: "%" + recipientFilter.trim().toLowerCase() + "%";
		return this.jdbc.sql("select * from outbox_mail where lower(recipient) like ? order by created_at desc limit ?")
			.params(filter, limit)
			.query(Outbox::map)
			.list();
	}

	/**
	 * One e-mail.
	 * @param id its id
	 * @return the e-mail, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<OutboxMail> find(UUID id) {
		return this.jdbc.sql("select * from outbox_mail where id = ?").param(id).query(Outbox::map).optional();
	}

	/**
	 * The body as the admins' outbox viewer shows it: every link's secret masked (only
	 * the recipient may open a password reset, an invitation or an order), except, where
	 * {@code focusracer.mail.outbox-shows-links} is on, in e-mails that were only kept
	 * because no SMTP server is configured.
	 * @param mail the e-mail
	 * @return the body to show, or {@code null} once it was deleted
	 */
	public String bodyForAdmins(OutboxMail mail) {
		if (mail.bodyPurgedAt() != null) {
			return null;
		}
		if (this.properties.outboxShowsLinks() && mail.status() == OutboxMail.Status.KEPT) {
			return mail.body();
		}
		return LinkSecrets.mask(mail.body());
	}

	/**
	 * Deletes the bodies past their retention (a rule of the daily retention sweep).
	 * @return how many were deleted
	 */
	public int purgeExpiredBodies() {
		return this.bodies.purge();
	}

	/**
	 * How long bodies are kept.
	 * @return the retention period
	 */
	public java.time.Duration bodyRetention() {
		return this.properties.bodyRetention();
	}

	/**
	 * Every e-mail to an address, oldest first, their links' secrets masked: what a
	 * person's access request gets of the outbox.
	 * @param email the address
	 * @return recipient, subject, masked body, status and dates of each
	 */
	@Transactional(readOnly = true)
	public List<java.util.Map<String, Object>> sentTo(String email) {
		List<java.util.Map<String, Object>> mails = new java.util.ArrayList<>();
		for (java.util.Map<String, Object> row : this.jdbc.sql("""
				select recipient, subject, body, status, created_at, sent_at, body_purged_at from outbox_mail
				where lower(recipient) = lower(?) order by created_at""").param(email).query().listOfRows()) {
			java.util.Map<String, Object> mail = new java.util.LinkedHashMap<>(row);
			mail.put("body", LinkSecrets.mask((String) row.get("body")));
			mails.add(mail);
		}
		return mails;
	}

	/**
	 * Forgets every e-mail to an address (its owner's data is erased): those no longer
	 * waiting are deleted now, those waiting once they are sent or given up.
	 * @param email the address
	 * @return how many were deleted now, and how many will be once sent
	 */
	@Transactional
	public int[] forget(String email) {
		int deleted = this.jdbc
			.sql("delete from outbox_mail where lower(recipient) = lower(?) and status not in ('PENDING', 'SENDING')")
			.param(email)
			.update();
		int waiting = this.jdbc.sql("update outbox_mail set forget_after_send = true where lower(recipient) = lower(?)")
			.param(email)
			.update();
		return new int[] { deleted, waiting };
	}

	static OutboxMail map(ResultSet rs, int row) throws SQLException {
		return new OutboxMail(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), OutboxMail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getString("last_error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")),
				instant(rs.getTimestamp("body_purged_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}

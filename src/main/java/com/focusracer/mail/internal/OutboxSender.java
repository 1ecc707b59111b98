package com.focusracer.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.mail.MailProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending e-mails over SMTP, retrying with growing delays. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked {@code SENDING} before the SMTP call, so
 * several nodes never send the same e-mail twice and a crash is never silent.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final JdbcClient jdbc;

	private final JavaMailSender sender;

	private final MailProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OutboxSender(JdbcClient jdbc, JavaMailSender sender, MailProperties properties, TransactionTemplate transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${focusracer.mail.poll-interval:5s}")
	void sendDue() {
		int sent;
		do {
			sent = sendBatch();
		}
		while (sent > 0);
	}

	/**
	 * Claims a batch in a short transaction (the rows are marked, the lock released),
	 * then talks to the SMTP server outside any transaction or lock, then records the
	 * outcome. A node that stops between the claim and the outcome leaves its rows
	 * claimed: they are claimed again once {@link #CLAIM} has passed and sent again, with
	 * a warning and a note on the row — at least once, never silently twice
	 * (docs/operations.md).
	 */
	private int sendBatch() {
		Instant now = this.clock.instant();
		List<Due> due = this.transactions.execute((status) -> this.jdbc.sql("""
				update outbox_mail m set status = 'SENDING', next_attempt_at = :until
				from (select id, status as was from outbox_mail
				      where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
				      order by next_attempt_at limit 20 for update skip locked) d
				where m.id = d.id
				returning m.id, m.recipient, m.subject, m.body, m.attempts, d.was = 'SENDING' as interrupted""")
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(CLAIM)))
			.query(Due.class)
			.list());
		if (due == null) {
			return 0;
		}
		for (Due mail : due) {
			if (mail.interrupted()) {
				log.warn("E-mail {} was being sent by a node that stopped: sending it again (it may arrive twice)",
						mail.id());
			}
			send(mail);
		}
		return due.size();
	}

	/** How long a node may take to hand a claimed e-mail to the SMTP server. */
	static final Duration CLAIM = Duration.ofMinutes(10);

	private void send(Due mail) {
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(new InternetAddress(this.properties.from()));
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			helper.setText(mail.body(), false);
			this.sender.send(message);
			this.jdbc
				.sql("update outbox_mail set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = ? "
						+ "where id = ?")
				.params(Timestamp.from(this.clock.instant()),
						mail.interrupted() ? "sent again after a node stopped while sending it" : null, mail.id())
				.update();
			forgetIfErased(mail.id());
		}
		catch (Exception ex) {
			int attempts = mail.attempts() + 1;
			boolean giveUp = attempts >= this.properties.maxAttempts();
			Instant next = this.clock.instant()
				.plus(Duration.ofSeconds((long) Math.min(3600, 5 * Math.pow(2, attempts - 1))));
			log.warn("Sending e-mail {} failed (attempt {}): {}", mail.id(), attempts, ex.getMessage());
			this.jdbc.sql(
					"update outbox_mail set status = ?, attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
				.params(giveUp ? "FAILED" : "PENDING", attempts, String.valueOf(ex.getMessage()), Timestamp.from(next),
						mail.id())
				.update();
			if (giveUp) {
				forgetIfErased(mail.id());
			}
		}
	}

	private void forgetIfErased(UUID id) {
		// Its recipient's data was erased while it waited: nothing of it stays.
		this.jdbc.sql("delete from outbox_mail where id = ? and forget_after_send").param(id).update();
	}

	record Due(UUID id, String recipient, String subject, String body, int attempts, boolean interrupted) {
	}

}

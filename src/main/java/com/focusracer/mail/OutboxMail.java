package com.focusracer.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored e-mail.
 *
 * @param id the id
 * @param recipient the address it goes to
 * @param subject the subject line
 * @param body the plain-text body
 * @param status where it stands
 * @param attempts how many times sending was tried
 * @param lastError the last SMTP error, if any
 * @param createdAt when it was written
 * @param sentAt when the SMTP server accepted it
 * @param bodyPurgedAt when its body was deleted at the end of the retention period, or
 * {@code null}
 */
public record OutboxMail(UUID id, String recipient, String subject, String body, Status status, int attempts,
		String lastError, Instant createdAt, Instant sentAt, Instant bodyPurgedAt) {

	/**
	 * Where a stored e-mail stands.
	 */
	public enum Status {

		/** Waiting for the sender (SMTP configured). */
		PENDING,
		/**
		 * Claimed by a node that is handing it to the SMTP server; if that node stops,
		 * the e-mail is sent again once the claim has expired (it may then arrive twice).
		 */
		SENDING,
		/** Accepted by the SMTP server. */
		SENT,
		/** Gave up after the last retry. */
		FAILED,
		/** No SMTP server configured: kept for admins to read. */
		KEPT

	}

}

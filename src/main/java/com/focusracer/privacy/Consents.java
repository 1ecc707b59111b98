package com.focusracer.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.privacy.internal.Secrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of consents: what was shown (the exact text, in its language), when, how it
 * was given and how it was withdrawn. Each is withdrawn the way it was given, in one step
 * (the link in every alert e-mail, the event form's box); a selfie search's consent
 * covers that one search and is recorded as used at once. Entries join the caller's
 * transaction: a consent exists exactly when what it allowed was committed.
 */
@Service
@Transactional
public class Consents {

	private final JdbcClient jdbc;

	private final Clock clock;

	Consents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What a consent is given to.
	 */
	public enum Purpose {

		/** Comparing one selfie with an event's faces, once. */
		SELFIE_SEARCH,
		/** E-mails when photos of a bib are published. */
		PHOTO_ALERTS,
		/**
		 * Face detection and comparison on an event's photos (its organizer's decision).
		 */
		EVENT_FACE_FEATURES

	}

	/**
	 * One consent given.
	 *
	 * @param purpose to what
	 * @param accountId the account that gave it, or {@code null}
	 * @param email the address that gave it, or {@code null}
	 * @param eventId the event it is about, or {@code null}
	 * @param subject what within the event (a bib), or {@code null}
	 * @param textShown the exact text the person agreed to
	 * @param language its language
	 * @param how how it was given, e.g. {@code checkbox}, {@code e-mail link}
	 */
	public record Given(Purpose purpose, UUID accountId, String email, UUID eventId, String subject, String textShown,
			String language, String how) {
	}

	/**
	 * Records a consent that holds until withdrawn.
	 * @param given the consent
	 * @return its id
	 */
	public UUID give(Given given) {
		return insert(given, false);
	}

	/**
	 * Records a consent that covers one use, done at once (a selfie search).
	 * @param given the consent
	 * @return its id
	 */
	public UUID giveOnce(Given given) {
		return insert(given, true);
	}

	/**
	 * Withdraws the open consents to a purpose about an event and subject.
	 * @param purpose to what
	 * @param email the address, or {@code null} for any
	 * @param eventId the event
	 * @param subject the subject, or {@code null} for any
	 * @param how how it was withdrawn
	 * @return how many were withdrawn
	 */
	public int withdraw(Purpose purpose, String email, UUID eventId, String subject, String how) {
		return this.jdbc.sql("""
				update consent set withdrawn_at = :now, withdrawn_how = :how
				where purpose = :purpose and withdrawn_at is null and event_id = :event
				  and (cast(:email as text) is null or lower(email) = lower(cast(:email as text)))
				  and (cast(:subject as text) is null or subject = cast(:subject as text))""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("how", how)
			.param("purpose", purpose.name())
			.param("event", eventId)
			.param("email", email)
			.param("subject", subject)
			.update();
	}

	/**
	 * The consents of a person, oldest first, for their export.
	 * @param person the person
	 * @return each consent's columns
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> of(Person person) {
		return this.jdbc.sql("""
				select purpose, event_id, subject, text_shown, text_sha256, language, how, single_use, given_at,
				       withdrawn_at, withdrawn_how
				from consent where lower(email) = lower(:email) or account_id = cast(:account as uuid)
				order by given_at""")
			.param("email", person.email())
			.param("account", person.accountId())
			.query()
			.listOfRows();
	}

	/**
	 * Deletes the consents of a person (their erasure).
	 * @param person the person
	 * @return how many
	 */
	public int erase(Person person) {
		return this.jdbc
			.sql("delete from consent where lower(email) = lower(:email) or account_id = cast(:account as uuid)")
			.param("email", person.email())
			.param("account", person.accountId())
			.update();
	}

	private UUID insert(Given given, boolean once) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into consent (id, purpose, account_id, email, event_id, subject, text_shown, text_sha256, language,
					    how, single_use, given_at, withdrawn_at, withdrawn_how)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, given.purpose().name(), given.accountId(), given.email(), given.eventId(), given.subject(),
					given.textShown(), Secrets.sha256(given.textShown()), given.language(), given.how(), once,
					Timestamp.from(now), once ? Timestamp.from(now) : null, once ? "used once" : null)
			.update();
		return id;
	}

}

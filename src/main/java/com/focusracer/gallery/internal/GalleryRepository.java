package com.focusracer.gallery.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runners' claims, hide requests, photo alerts and favourites.
 */
@Repository
public class GalleryRepository {

	private final JdbcClient jdbc;

	GalleryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> claimedBib(UUID accountId, UUID eventId) {
		return this.jdbc.sql("select bib from runner_claim where account_id = ? and event_id = ?")
			.params(accountId, eventId)
			.query(String.class)
			.optional();
	}

	public void claim(UUID accountId, UUID eventId, String bib, Instant now) {
		this.jdbc
			.sql("insert into runner_claim (account_id, event_id, bib, created_at) values (?, ?, ?, ?) "
					+ "on conflict (account_id, event_id) do nothing")
			.params(accountId, eventId, bib, Timestamp.from(now))
			.update();
	}

	/**
	 * A hide request.
	 *
	 * @param id the request
	 * @param photoId the photo
	 * @param eventId the event
	 * @param accountId who asked
	 * @param status PENDING, KEPT_HIDDEN or RESTORED
	 * @param createdAt when
	 */
	public record HideRequest(UUID id, UUID photoId, UUID eventId, UUID accountId, String status, Instant createdAt) {
	}

	public List<HideRequest> pendingHideRequests(int limit) {
		return this.jdbc.sql("select * from hide_request where status = 'PENDING' order by created_at limit ?")
			.param(limit)
			.query((rs, row) -> new HideRequest(rs.getObject("id", UUID.class), rs.getObject("photo_id", UUID.class),
					rs.getObject("event_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getString("status"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	public void insertHideRequest(UUID id, UUID photoId, UUID eventId, UUID accountId, Instant now) {
		this.jdbc
			.sql("insert into hide_request (id, photo_id, event_id, account_id, status, created_at) "
					+ "values (?, ?, ?, ?, 'PENDING', ?)")
			.params(id, photoId, eventId, accountId, Timestamp.from(now))
			.update();
	}

	public List<HideRequest> hideRequests(UUID eventId, String status) {
		return this.jdbc.sql("select * from hide_request where event_id = ? and status = ? order by created_at")
			.params(eventId, status)
			.query((rs, row) -> new HideRequest(rs.getObject("id", UUID.class), rs.getObject("photo_id", UUID.class),
					rs.getObject("event_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getString("status"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	public Optional<HideRequest> hideRequest(UUID id) {
		return this.jdbc.sql("select * from hide_request where id = ?")
			.param(id)
			.query((rs, row) -> new HideRequest(rs.getObject("id", UUID.class), rs.getObject("photo_id", UUID.class),
					rs.getObject("event_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getString("status"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	public boolean decide(UUID id, String status, UUID accountId, Instant now) {
		return this.jdbc.sql(
				"update hide_request set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'PENDING'")
			.params(status, accountId, Timestamp.from(now), id)
			.update() == 1;
	}

	/**
	 * An address waiting for a bib's photos.
	 *
	 * @param id the alert
	 * @param eventId the event
	 * @param bib the bib
	 * @param email the address
	 * @param token the secret of its links
	 * @param language fr or en
	 * @param confirmed whether the address was confirmed
	 */
	public record Alert(UUID id, UUID eventId, String bib, String email, String token, String language,
			boolean confirmed) {
	}

	private static Alert alert(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Alert(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("bib"),
				rs.getString("email"), rs.getString("token"), rs.getString("language"),
				rs.getTimestamp("confirmed_at") != null);
	}

	public Optional<Alert> alert(UUID eventId, String bib, String email) {
		return this.jdbc.sql("select * from photo_alert where event_id = ? and bib = ? and email = ?")
			.params(eventId, bib, email)
			.query(GalleryRepository::alert)
			.optional();
	}

	public Optional<Alert> alertByToken(String token) {
		return this.jdbc.sql("select * from photo_alert where token = ?")
			.param(token)
			.query(GalleryRepository::alert)
			.optional();
	}

	public void insertAlert(Alert alert, Instant now) {
		this.jdbc
			.sql("insert into photo_alert (id, event_id, bib, email, token, language, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(alert.id(), alert.eventId(), alert.bib(), alert.email(), alert.token(), alert.language(),
					Timestamp.from(now))
			.update();
	}

	/** Asking again re-opens an unsubscribed alert (it is confirmed again by e-mail). */
	public void reopenAlert(UUID id, String language) {
		this.jdbc.sql("update photo_alert set unsubscribed_at = null, confirmed_at = null, language = ? where id = ?")
			.params(language, id)
			.update();
	}

	public boolean confirmAlert(String token, Instant now) {
		return this.jdbc
			.sql("update photo_alert set confirmed_at = coalesce(confirmed_at, ?) where token = ? "
					+ "and unsubscribed_at is null")
			.params(Timestamp.from(now), token)
			.update() == 1;
	}

	public boolean unsubscribe(String token, Instant now) {
		return this.jdbc.sql("update photo_alert set unsubscribed_at = coalesce(unsubscribed_at, ?) where token = ?")
			.params(Timestamp.from(now), token)
			.update() == 1;
	}

	/**
	 * Marks the confirmed alerts of some bibs as having news.
	 * @param eventId the event
	 * @param bibs the bibs of a photo just published
	 * @param now now
	 */
	public void markPending(UUID eventId, List<String> bibs, Instant now) {
		this.jdbc.sql("""
				update photo_alert set pending_since = coalesce(pending_since, ?)
				where event_id = ? and bib = any(?) and confirmed_at is not null and unsubscribed_at is null""")
			.params(Timestamp.from(now), eventId, bibs.toArray(String[]::new))
			.update();
	}

	/**
	 * Alerts with news whose last e-mail is older than the interval, claimed for the
	 * caller's transaction: rows another node is sending are skipped, so no alert goes
	 * out twice (the e-mail is queued and the row marked in that same transaction).
	 * @param sentBefore only those last sent before this (or never)
	 * @return the alerts
	 */
	public List<Alert> due(Instant sentBefore) {
		return this.jdbc.sql("""
				select * from photo_alert where pending_since is not null and confirmed_at is not null
				  and unsubscribed_at is null and (last_sent_at is null or last_sent_at < ?)
				order by pending_since limit 500
				for update skip locked""").param(Timestamp.from(sentBefore)).query(GalleryRepository::alert).list();
	}

	public void sent(UUID id, Instant now) {
		this.jdbc.sql("update photo_alert set pending_since = null, last_sent_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	public void clearPending(UUID id) {
		this.jdbc.sql("update photo_alert set pending_since = null where id = ?").param(id).update();
	}

	public void removeFavourite(UUID accountId, UUID photoId) {
		this.jdbc.sql("delete from favourite where account_id = ? and photo_id = ?")
			.params(accountId, photoId)
			.update();
	}

	public void addFavourite(UUID accountId, UUID photoId, Instant now) {
		this.jdbc
			.sql("insert into favourite (account_id, photo_id, created_at) values (?, ?, ?) "
					+ "on conflict do nothing")
			.params(accountId, photoId, Timestamp.from(now))
			.update();
	}

	public List<UUID> favourites(UUID accountId) {
		return this.jdbc.sql("select photo_id from favourite where account_id = ? order by created_at desc")
			.param(accountId)
			.query(UUID.class)
			.list();
	}

}

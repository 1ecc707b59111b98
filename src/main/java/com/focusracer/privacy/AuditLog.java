package com.focusracer.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of administrative and privacy-relevant actions. Entries join the
 * caller's transaction: an action and its audit line are committed together or not at
 * all.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an action.
	 * @param actorId who acted, {@code null} for the system
	 * @param actorEmail the actor's e-mail
	 * @param action what was done
	 * @param targetType the kind of target
	 * @param targetId the target's id
	 * @param detail a human-readable detail
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID actorId, String actorEmail, String action, String targetType, String targetId,
			String detail) {
		UUID eventId = null;
		if ("event".equalsIgnoreCase(targetType) && targetId != null) {
			try {
				eventId = UUID.fromString(targetId);
			}
			catch (IllegalArgumentException ex) {
				// not an event id: the entry belongs to no event
			}
		}
		record(actorId, actorEmail, action, targetType, targetId, eventId, detail);
	}

	/**
	 * Records an action that belongs to an event (on one of its photos, orders,
	 * runners…).
	 * @param actorId who acted, {@code null} for the system
	 * @param actorEmail the actor's e-mail
	 * @param action what was done, a code with a label {@code audit.action.<code>} in the
	 * messages
	 * @param targetType the kind of target
	 * @param targetId the target's id
	 * @param eventId the event, or {@code null}
	 * @param detail a human-readable detail
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID actorId, String actorEmail, String action, String targetType, String targetId, UUID eventId,
			String detail) {
		this.jdbc.sql("""
				insert into audit_log (at, actor_id, actor_email, action, target_type, target_id, event_id, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(this.clock.instant()), actorId, actorEmail, action, targetType, targetId, eventId,
					detail)
			.update();
	}

	/**
	 * The newest entries first.
	 * @param search text to look for in actor, action, target or detail; {@code null} for
	 * all
	 * @param limit how many at most
	 * @param offset how many to skip
	 * @return the entries
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(String search, int limit, int offset) {
		return find(new Query(search, null, null, null), limit, offset);
	}

	/**
	 * What an admin looks for in the log; each part {@code null} or blank for any.
	 *
	 * @param text text in actor, action, target or detail
	 * @param account the actor's e-mail, or part of it
	 * @param eventId the event
	 * @param action the action's code
	 */
	public record Query(String text, String account, UUID eventId, String action) {
	}

	/**
	 * The newest entries that match, first.
	 * @param query what to look for
	 * @param limit how many at most
	 * @param offset how many to skip
	 * @return the entries
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> find(Query query, int limit, int offset) {
		String text = (query.text() == null || query.text().isBlank()) ? "%"
				: "%" + query.text().trim().toLowerCase(java.util.Locale.ROOT) + "%";
		String account = (query.account() == null || query.account().isBlank()) ? "%"
				: "%" + query.account().trim().toLowerCase(java.util.Locale.ROOT) + "%";
		String action = (query.action() == null || query.action().isBlank()) ? null : query.action().trim();
		return this.jdbc.sql("""
				select * from audit_log
				where lower(coalesce(actor_email, '') || ' ' || action || ' ' || coalesce(target_id, '') || ' '
				            || coalesce(detail, '')) like :text
				  and lower(coalesce(actor_email, '')) like :account
				  and (cast(:event as uuid) is null or event_id = cast(:event as uuid))
				  and (cast(:action as text) is null or action = cast(:action as text))
				order by at desc, id desc limit :limit offset :offset""")
			.param("text", text)
			.param("account", account)
			.param("event", query.eventId())
			.param("action", action)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getObject("actor_id", UUID.class), rs.getString("actor_email"), rs.getString("action"),
					rs.getString("target_type"), rs.getString("target_id"), rs.getObject("event_id", UUID.class),
					rs.getString("detail")))
			.list();
	}

	/**
	 * The actions the log holds, for a filter's choices.
	 * @return their codes, sorted
	 */
	@Transactional(readOnly = true)
	public List<String> actions() {
		return this.jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
	}

}

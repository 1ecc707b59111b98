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
		this.jdbc.sql("""
				insert into audit_log (at, actor_id, actor_email, action, target_type, target_id, detail)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(this.clock.instant()), actorId, actorEmail, action, targetType, targetId, detail)
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
		String like = (search == null || search.isBlank()) ? "%" : "%" + search.trim().toLowerCase() + "%";
		return this.jdbc.sql("""
				select * from audit_log
				where lower(coalesce(actor_email, '') || ' ' || action || ' ' || coalesce(target_id, '') || ' '
				            || coalesce(detail, '')) like ?
				order by at desc, id desc limit ? offset ?""")
			.params(like, limit, offset)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getObject("actor_id", UUID.class), rs.getString("actor_email"), rs.getString("action"),
					rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail")))
			.list();
	}

}

package com.focusracer.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.focusracer.privacy.RequestStep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code privacy_request_step} table: what was done, per part, for each request.
 */
@Repository
public class StepRepository {

	private final JdbcClient jdbc;

	StepRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a step, once: a second record of the same part and action is ignored.
	 * @param requestId the request
	 * @param part the module
	 * @param action what it did
	 * @param rows how many rows
	 * @param detail more about it, or {@code null}
	 * @param now the time now
	 * @return whether it was recorded (false when it already was)
	 */
	public boolean record(UUID requestId, String part, String action, long rows, String detail, Instant now) {
		return this.jdbc
			.sql("""
					insert into privacy_request_step (request_id, position, part, action, rows, detail, done_at)
					values (:request, (select coalesce(max(position), 0) + 1 from privacy_request_step where request_id = :request),
					    :part, :action, :rows, :detail, :now)
					on conflict (request_id, part, action) do nothing""")
			.param("request", requestId)
			.param("part", part)
			.param("action", action)
			.param("rows", rows)
			.param("detail", detail)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	public List<RequestStep> of(UUID requestId) {
		return this.jdbc.sql("select * from privacy_request_step where request_id = ? order by position")
			.param(requestId)
			.query((rs, row) -> new RequestStep(rs.getInt("position"), rs.getString("part"), rs.getString("action"),
					rs.getLong("rows"), rs.getString("detail"), rs.getTimestamp("done_at").toInstant()))
			.list();
	}

	public boolean donePart(UUID requestId, String part) {
		return this.jdbc.sql("select count(*) from privacy_request_step where request_id = ? and part = ?")
			.params(requestId, part)
			.query(Long.class)
			.single() > 0;
	}

	public boolean done(UUID requestId, String part, String action) {
		return this.jdbc
			.sql("select count(*) from privacy_request_step where request_id = ? and part = ? and action = ?")
			.params(requestId, part, action)
			.query(Long.class)
			.single() > 0;
	}

}

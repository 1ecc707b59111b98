package com.focusracer.marketplace.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reviews and their reports in the {@code review} and {@code review_report} tables. A
 * review is published once the other side reviewed too or its window closed: decided in
 * each query, so no job has to publish it.
 */
@Repository
public class ReviewRepository {

	/** Whether a review is shown, given {@code :now}. */
	private static final String PUBLISHED = """
			(r.window_closes <= :now or exists (select 1 from review o
			    where o.application_id = r.application_id and o.author_id <> r.author_id))""";

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A review as stored.
	 *
	 * @param id the id
	 * @param applicationId its application
	 * @param authorId the author
	 * @param subjectId who it is about
	 * @param authorSide ORGANIZER or PHOTOGRAPHER
	 * @param stars 1–5
	 * @param body the text
	 * @param eventDate the event's day
	 * @param writtenAt when written
	 * @param published whether shown now
	 * @param hiddenReason why admins hid it, or null
	 */
	public record Row(UUID id, UUID applicationId, UUID authorId, UUID subjectId, String authorSide, int stars,
			String body, LocalDate eventDate, Instant writtenAt, boolean published, String hiddenReason) {

	}

	public Optional<Row> find(UUID applicationId, UUID authorId, Instant now) {
		return this.jdbc
			.sql("select r.*, " + PUBLISHED + " as published from review r "
					+ "where r.application_id = :application and r.author_id = :author")
			.param("now", Timestamp.from(now))
			.param("application", applicationId)
			.param("author", authorId)
			.query(ReviewRepository::map)
			.optional();
	}

	public Optional<Row> findById(UUID id, Instant now) {
		return this.jdbc.sql("select r.*, " + PUBLISHED + " as published from review r where r.id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.query(ReviewRepository::map)
			.optional();
	}

	/**
	 * Writes a review, or replaces the author's review while it is not published.
	 */
	public void save(UUID applicationId, UUID authorId, UUID subjectId, String side, int stars, String body,
			LocalDate eventDate, Instant now, Instant windowCloses) {
		this.jdbc.sql("""
				insert into review (id, application_id, author_id, subject_id, author_side, stars, body, event_date,
				    written_at, window_closes)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (application_id, author_id) do update
				set stars = excluded.stars, body = excluded.body, written_at = excluded.written_at""")
			.params(UUID.randomUUID(), applicationId, authorId, subjectId, side, stars, body, Date.valueOf(eventDate),
					Timestamp.from(now), Timestamp.from(windowCloses))
			.update();
	}

	/**
	 * The published reviews about someone, hidden ones left out, newest first.
	 * @param subjectId who they are about
	 * @param now the time
	 * @return the reviews
	 */
	public List<Row> publishedAbout(UUID subjectId, Instant now) {
		return this.jdbc
			.sql("select r.*, true as published from review r where r.subject_id = :subject "
					+ "and r.hidden_reason is null and " + PUBLISHED + " order by r.written_at desc limit 100")
			.param("now", Timestamp.from(now))
			.param("subject", subjectId)
			.query(ReviewRepository::map)
			.list();
	}

	public void report(UUID reviewId, UUID reporterId, String reason, Instant now) {
		this.jdbc.sql("""
				insert into review_report (id, review_id, reporter_id, reason, created_at) values (?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), reviewId, reporterId, reason, Timestamp.from(now))
			.update();
	}

	/**
	 * The reports not handled yet, oldest first, with the review's text.
	 * @return report id, review id, reason, when, the review's stars, body and hidden
	 * reason
	 */
	public List<Map<String, Object>> openReports() {
		return this.jdbc.sql("""
				select rr.id, rr.review_id, rr.reason, rr.created_at, r.stars, r.body, r.hidden_reason, r.author_side
				from review_report rr join review r on r.id = rr.review_id
				where rr.resolved_at is null order by rr.created_at limit 200""").query().listOfRows();
	}

	public Optional<UUID> reviewOfOpenReport(UUID reportId) {
		return this.jdbc.sql("select review_id from review_report where id = ? and resolved_at is null")
			.param(reportId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Settles every open report of a review.
	 */
	public void resolve(UUID reviewId, String resolution, Instant now) {
		this.jdbc
			.sql("update review_report set resolved_at = ?, resolution = ? where review_id = ? and resolved_at is null")
			.params(Timestamp.from(now), resolution, reviewId)
			.update();
	}

	public void hide(UUID reviewId, String reason) {
		this.jdbc.sql("update review set hidden_reason = ? where id = ?").params(reason, reviewId).update();
	}

	static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				rs.getObject("author_id", UUID.class), rs.getObject("subject_id", UUID.class),
				rs.getString("author_side"), rs.getInt("stars"), rs.getString("body"),
				rs.getDate("event_date").toLocalDate(), rs.getTimestamp("written_at").toInstant(),
				rs.getBoolean("published"), rs.getString("hidden_reason"));
	}

}

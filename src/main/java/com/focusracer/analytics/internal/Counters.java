package com.focusracer.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily counters: one row per day, event and metric, raised by one upsert per hit
 * (atomic in PostgreSQL, so no count is lost between nodes or on a crash).
 */
@Repository
public class Counters {

	private final JdbcClient jdbc;

	Counters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(LocalDate day, UUID eventId, String metric, long count) {
		this.jdbc.sql("""
				insert into analytics_counter (day, event_id, metric, count) values (?, ?, ?, ?)
				on conflict (day, event_id, metric) do update set count = analytics_counter.count + excluded.count""")
			.params(Date.valueOf(day), eventId, metric, count)
			.update();
	}

	/**
	 * Totals by metric.
	 * @param from first day
	 * @param to last day
	 * @param eventIds some events, or {@code null} for all
	 * @return the totals of the metrics counted
	 */
	public Map<String, Long> totals(LocalDate from, LocalDate to, List<UUID> eventIds) {
		Map<String, Long> totals = new HashMap<>();
		this.jdbc
			.sql("select metric, sum(count) as total from analytics_counter where day between :from and :to"
					+ ((eventIds != null) ? " and event_id in (:events)" : "") + " group by metric")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("events", (eventIds != null && !eventIds.isEmpty()) ? eventIds : List.of(new UUID(0, 0)))
			.query((rs) -> {
				totals.put(rs.getString("metric"), rs.getLong("total"));
			});
		return totals;
	}

	/**
	 * Totals by event and metric.
	 * @param from first day
	 * @param to last day
	 * @param eventIds the events
	 * @param metrics the metrics wanted (the others' rows are not read)
	 * @return by event (those that have any), then by metric
	 */
	public Map<UUID, Map<String, Long>> totalsByEvent(LocalDate from, LocalDate to, List<UUID> eventIds,
			List<String> metrics) {
		Map<UUID, Map<String, Long>> events = new HashMap<>();
		if (eventIds.isEmpty()) {
			return events;
		}
		this.jdbc
			.sql("select event_id, metric, sum(count) as total from analytics_counter"
					+ " where day between :from and :to and event_id in (:events) and metric in (:metrics)"
					+ " group by event_id, metric")
			.param("metrics", metrics)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("events", eventIds)
			.query((rs) -> {
				events.computeIfAbsent(rs.getObject("event_id", UUID.class), (id) -> new HashMap<>())
					.put(rs.getString("metric"), rs.getLong("total"));
			});
		return events;
	}

	/**
	 * Counts by day and metric.
	 * @param from first day
	 * @param to last day
	 * @param eventIds some events, or {@code null} for all
	 * @return by day (the days that have any), then by metric
	 */
	public Map<LocalDate, Map<String, Long>> byDay(LocalDate from, LocalDate to, List<UUID> eventIds) {
		Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
		this.jdbc
			.sql("select day, metric, sum(count) as total from analytics_counter where day between :from and :to"
					+ ((eventIds != null) ? " and event_id in (:events)" : "") + " group by day, metric")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("events", (eventIds != null && !eventIds.isEmpty()) ? eventIds : List.of(new UUID(0, 0)))
			.query((rs) -> {
				days.computeIfAbsent(rs.getDate("day").toLocalDate(), (day) -> new HashMap<>())
					.put(rs.getString("metric"), rs.getLong("total"));
			});
		return days;
	}

	/**
	 * Remembers that a photo was published, once.
	 * @return whether this is its first publication
	 */
	public boolean firstPublication(UUID photoId, UUID eventId) {
		return this.jdbc
			.sql("insert into analytics_published_photo (photo_id, event_id) values (?, ?) on conflict do nothing")
			.params(photoId, eventId)
			.update() == 1;
	}

	public void addGalleryTime(LocalDate day, long seconds) {
		this.jdbc.sql("""
				insert into analytics_gallery_second (day, seconds, count) values (?, ?, 1)
				on conflict (day, seconds) do update set count = analytics_gallery_second.count + 1""")
			.params(Date.valueOf(day), (int) Math.min(Integer.MAX_VALUE, Math.max(0, seconds)))
			.update();
	}

	/**
	 * The median and 95th percentile of the upload-to-gallery times of the photos first
	 * published in a period: the time of the photo at that rank (nearest rank, as
	 * PostgreSQL's {@code percentile_disc}), to the second.
	 * @return p50 and p95 in seconds, or {@code null} without any photo
	 */
	public long[] galleryTimes(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				with times as (
				    select seconds, sum(count) as photos from analytics_gallery_second
				    where day between ? and ? group by seconds),
				ranked as (
				    select seconds, sum(photos) over (order by seconds) as seen, sum(photos) over () as total
				    from times)
				select min(seconds) filter (where seen >= ceil(total * 0.5)) as p50,
				       min(seconds) filter (where seen >= ceil(total * 0.95)) as p95
				from ranked""").params(Date.valueOf(from), Date.valueOf(to)).query((rs, n) -> {
			long p50 = rs.getLong("p50");
			return rs.wasNull() ? new long[0] : new long[] { p50, rs.getLong("p95") };
		}).list().stream().filter((times) -> times.length == 2).findFirst().orElse(null);
	}

}

package com.focusracer.photos;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's photo figures for its statistics page: who uploaded how many, and when they
 * were taken (the hour of the race, Paris time; the upload time when the camera did not
 * say). Counts photos not deleted.
 */
@Service
public class PhotoFigures {

	private final JdbcClient jdbc;

	PhotoFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Photos by photographer.
	 * @param eventId the event
	 * @return most photos first
	 */
	@Transactional(readOnly = true)
	public List<ByPhotographer> byPhotographer(UUID eventId) {
		return this.jdbc.sql("""
				select uploader_id, count(*) as uploaded, count(*) filter (where status = 'PUBLISHED') as published
				from photo where event_id = ? group by uploader_id order by uploaded desc, uploader_id""")
			.param(eventId)
			.query((rs, n) -> new ByPhotographer(rs.getObject("uploader_id", UUID.class), rs.getLong("uploaded"),
					rs.getLong("published")))
			.list();
	}

	/**
	 * Photos by hour they were taken.
	 * @param eventId the event
	 * @return the hours that have any, in order
	 */
	@Transactional(readOnly = true)
	public List<ByHour> byHour(UUID eventId) {
		return this.jdbc.sql("""
				select date_trunc('hour', coalesce(taken_at, created_at) at time zone 'Europe/Paris') as hour,
				       count(*) as photos
				from photo where event_id = ? group by 1 order by 1""")
			.param(eventId)
			.query((rs, n) -> new ByHour(rs.getTimestamp("hour").toLocalDateTime(), rs.getLong("photos")))
			.list();
	}

	/**
	 * One photographer's photos of an event.
	 *
	 * @param uploaderId the photographer
	 * @param uploaded photos uploaded (not deleted)
	 * @param published of which published
	 */
	public record ByPhotographer(UUID uploaderId, long uploaded, long published) {
	}

	/**
	 * The photos taken in one hour.
	 *
	 * @param hour the hour's start, Paris time
	 * @param photos photos
	 */
	public record ByHour(LocalDateTime hour, long photos) {
	}

}

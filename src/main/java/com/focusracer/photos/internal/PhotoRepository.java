package com.focusracer.photos.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoStatus;
import com.focusracer.shared.images.ImageInspector;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Photos in the {@code photo} table.
 */
@Repository
public class PhotoRepository {

	private final JdbcClient jdbc;

	PhotoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a received photo unless the event already has the same bytes.
	 * @return whether it was inserted
	 */
	public boolean insertIfNew(UUID id, UUID eventId, UUID uploaderId, String fileName, String sha256, long size,
			ImageInspector.Header header, String originalKey, Instant now) {
		return this.jdbc.sql("""
				insert into photo (id, event_id, uploader_id, file_name, sha256, size_bytes, format, width, height,
				                   status, stage, original_key, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 'received', ?, ?, ?)
				on conflict (event_id, sha256) do nothing""")
			.params(id, eventId, uploaderId, fileName, sha256, size, header.format(), header.width(), header.height(),
					originalKey, Timestamp.from(now), Timestamp.from(now))
			.update() > 0;
	}

	public Optional<UUID> findBySha(UUID eventId, String sha256) {
		return this.jdbc.sql("select id from photo where event_id = ? and sha256 = ?")
			.params(eventId, sha256)
			.query(UUID.class)
			.optional();
	}

	public Optional<Photo> find(UUID id) {
		return this.jdbc.sql("select * from photo where id = ?").param(id).query(PhotoRepository::map).optional();
	}

	public Optional<String> key(UUID id, String column) {
		if (!List.of("original_key", "web_key", "preview_key", "analysis_key").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return this.jdbc.sql("select " + column + " from photo where id = ?").param(id).query(String.class).optional();
	}

	/**
	 * The photo shown just before or after this one in triage (newest first).
	 * @param photo the photo
	 * @param before true for the one before (newer), false for the one after (older)
	 * @return its id, or empty at either end
	 */
	public Optional<UUID> neighbour(Photo photo, boolean before) {
		String sql = before ? """
				select id from photo where event_id = :event
				  and (created_at > :created or (created_at = :created and id < :id))
				order by created_at, id desc limit 1""" : """
				select id from photo where event_id = :event
				  and (created_at < :created or (created_at = :created and id > :id))
				order by created_at desc, id limit 1""";
		return this.jdbc.sql(sql)
			.param("event", photo.eventId())
			.param("created", java.sql.Timestamp.from(photo.createdAt()))
			.param("id", photo.id())
			.query(UUID.class)
			.optional();
	}

	public List<Photo> page(UUID eventId, PhotoStatus status, boolean lowQualityOnly, int limit, int offset) {
		return this.jdbc.sql("""
				select * from photo where event_id = :event
				  and (:status = '' or (:status = 'HIDDEN' and hidden) or (status = :status and not hidden))
				  and (not :low or quality < 0.35)
				order by created_at desc, id limit :limit offset :offset""")
			.param("event", eventId)
			.param("status", (status != null) ? status.name() : "")
			.param("low", lowQualityOnly)
			.param("limit", limit)
			.param("offset", offset)
			.query(PhotoRepository::map)
			.list();
	}

	public long count(UUID eventId, PhotoStatus status, boolean lowQualityOnly) {
		return this.jdbc.sql("""
				select count(*) from photo where event_id = :event
				  and (:status = '' or (:status = 'HIDDEN' and hidden) or (status = :status and not hidden))
				  and (not :low or quality < 0.35)""")
			.param("event", eventId)
			.param("status", (status != null) ? status.name() : "")
			.param("low", lowQualityOnly)
			.query(Long.class)
			.single();
	}

	/**
	 * Counts per status, for the event's live counters.
	 * @param eventId the event
	 * @return status name to count
	 */
	public java.util.Map<String, Long> countsByStatus(UUID eventId) {
		java.util.Map<String, Long> counts = new java.util.TreeMap<>();
		// Hidden photos are counted once, as hidden, whatever their status.
		this.jdbc.sql(
				"select case when hidden then 'HIDDEN' else status end, count(*) from photo where event_id = ? group by 1")
			.param(eventId)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	public void markStage(UUID id, PhotoStatus status, String stage, Instant now) {
		// The first publication is the photo's arrival in the gallery; a re-process keeps
		// it.
		this.jdbc.sql("""
				update photo set status = :status, stage = :stage, failure = null, updated_at = :now,
				       published_at = case when :status = 'PUBLISHED' then coalesce(published_at, :now)
				                           else published_at end
				where id = :id""")
			.param("status", status.name())
			.param("stage", stage)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Records a photo's derived versions and measures. Its {@code analysis_key} (the
	 * analysis JPEG that photos derived when it was still stored have) is left as it is,
	 * so that deleting the photo still deletes that file.
	 */
	public void saveDerivatives(UUID id, String webKey, String previewKey, double sharpness, double exposure,
			double quality, Instant takenAt, String cameraSerial, Instant now) {
		this.jdbc.sql("""
				update photo set web_key = ?, preview_key = ?, sharpness = ?, exposure = ?,
				                 quality = ?, taken_at = ?, camera_serial = ?, updated_at = ? where id = ?""")
			.params(webKey, previewKey, sharpness, exposure, quality,
					(takenAt != null) ? Timestamp.from(takenAt) : null, cameraSerial, Timestamp.from(now), id)
			.update();
	}

	public void markFailed(UUID id, String stage, String failure, Instant now) {
		this.jdbc.sql("update photo set status = 'FAILED', stage = ?, failure = ?, updated_at = ? where id = ?")
			.params(stage, failure, Timestamp.from(now), id)
			.update();
	}

	/**
	 * Hides or shows a photo. Its status stays as it is: a photo hidden while in the
	 * pipeline, or failed, is not public when shown again until the pipeline publishes
	 * it.
	 */
	/**
	 * Hides or shows a photo by decision of the platform's admins: hidden so, its team
	 * cannot show it again.
	 * @param id the photo
	 * @param hidden true to hide it
	 * @param now when
	 */
	public void setModerated(UUID id, boolean hidden, Instant now) {
		this.jdbc.sql("update photo set hidden = ?, moderated = ?, updated_at = ? where id = ?")
			.params(hidden, hidden, Timestamp.from(now), id)
			.update();
	}

	public boolean moderated(UUID id) {
		return this.jdbc.sql("select coalesce(bool_or(moderated), false) from photo where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	public void setHidden(UUID id, boolean hidden, Instant now) {
		this.jdbc.sql("update photo set hidden = ?, updated_at = ? where id = ?")
			.params(hidden, Timestamp.from(now), id)
			.update();
	}

	/**
	 * The photos of the same photographer taken within a window around a moment.
	 * @param eventId the event
	 * @param uploaderId the photographer
	 * @param takenAt the moment
	 * @param window how far either side
	 * @return the photos, by time
	 */
	public List<Photo> takenAround(UUID eventId, UUID uploaderId, Instant takenAt, java.time.Duration window) {
		return this.jdbc.sql("""
				select * from photo where event_id = ? and uploader_id = ? and taken_at between ? and ?
				  and not hidden and status <> 'FAILED' order by taken_at, id""")
			.params(eventId, uploaderId, Timestamp.from(takenAt.minus(window)), Timestamp.from(takenAt.plus(window)))
			.query(PhotoRepository::map)
			.list();
	}

	public java.util.Set<UUID> publishedIds(UUID eventId) {
		return new java.util.HashSet<>(
				this.jdbc.sql("select id from photo where event_id = ? and status = 'PUBLISHED' and not hidden")
					.param(eventId)
					.query(UUID.class)
					.list());
	}

	public List<Photo> ofEvent(UUID eventId) {
		return this.jdbc.sql("select * from photo where event_id = ? and not hidden and status <> 'FAILED'")
			.param(eventId)
			.query(PhotoRepository::map)
			.list();
	}

	/**
	 * A page of the event's photos among some, or outside them.
	 * @param eventId the event
	 * @param ids the photos
	 * @param among true for the photos in {@code ids}, false for the others
	 * @param status only this status, or all when null
	 * @param limit page size
	 * @param offset rows to skip
	 * @return the photos, newest first
	 */
	public List<Photo> pageAmong(UUID eventId, java.util.Collection<UUID> ids, boolean among, PhotoStatus status,
			int limit, int offset) {
		return this.jdbc.sql("""
				select * from photo where event_id = :event and (id = any(:ids)) = :among
				  and (:status = '' or (:status = 'HIDDEN' and hidden) or (status = :status and not hidden))
				order by created_at desc, id limit :limit offset :offset""")
			.param("event", eventId)
			.param("ids", ids.toArray(UUID[]::new))
			.param("among", among)
			.param("status", (status != null) ? status.name() : "")
			.param("limit", limit)
			.param("offset", offset)
			.query(PhotoRepository::map)
			.list();
	}

	public long countAmong(UUID eventId, java.util.Collection<UUID> ids, boolean among, PhotoStatus status) {
		return this.jdbc.sql("""
				select count(*) from photo where event_id = :event and (id = any(:ids)) = :among
				  and (:status = '' or (:status = 'HIDDEN' and hidden) or (status = :status and not hidden))""")
			.param("event", eventId)
			.param("ids", ids.toArray(UUID[]::new))
			.param("among", among)
			.param("status", (status != null) ? status.name() : "")
			.query(Long.class)
			.single();
	}

	/**
	 * Published, visible photos among some, the latest shot first (photos without a time
	 * last, by arrival).
	 * @param eventId the event
	 * @param ids the photos
	 * @param limit page size
	 * @param offset rows to skip
	 * @return the photos
	 */
	public List<Photo> publishedAmong(UUID eventId, java.util.Collection<UUID> ids, int limit, int offset) {
		return this.jdbc.sql("""
				select p.* from unnest(cast(:ids as uuid[])) as wanted(id) join photo p on p.id = wanted.id
				where p.event_id = :event and p.status = 'PUBLISHED' and not p.hidden
				order by p.taken_at desc nulls last, p.created_at desc, p.id limit :limit offset :offset""")
			.param("event", eventId)
			.param("ids", ids.toArray(UUID[]::new))
			.param("limit", limit)
			.param("offset", offset)
			.query(PhotoRepository::map)
			.list();
	}

	public long countPublishedAmong(UUID eventId, java.util.Collection<UUID> ids) {
		return this.jdbc.sql("""
				select count(*) from unnest(cast(:ids as uuid[])) as wanted(id) join photo p on p.id = wanted.id
				where p.event_id = :event and p.status = 'PUBLISHED' and not p.hidden""")
			.param("event", eventId)
			.param("ids", ids.toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	public com.focusracer.photos.GalleryTimes galleryTimes(UUID eventId) {
		return this.jdbc
			.sql("""
					select max(created_at) as last_added,
					       percentile_disc(0.5) within group (order by extract(epoch from published_at - created_at)) as p50,
					       percentile_disc(0.95) within group (order by extract(epoch from published_at - created_at)) as p95
					from photo where event_id = ? and status = 'PUBLISHED' and not hidden""")
			.param(eventId)
			.query((rs, row) -> {
				Timestamp last = rs.getTimestamp("last_added");
				double p50 = rs.getDouble("p50");
				boolean none = rs.wasNull();
				double p95 = rs.getDouble("p95");
				return new com.focusracer.photos.GalleryTimes((last != null) ? last.toInstant() : null,
						none ? null : java.time.Duration.ofMillis(Math.round(p50 * 1000)),
						none ? null : java.time.Duration.ofMillis(Math.round(p95 * 1000)));
			})
			.single();
	}

	public long countPublished(UUID eventId) {
		return this.jdbc.sql("select count(*) from photo where event_id = ? and status = 'PUBLISHED' and not hidden")
			.param(eventId)
			.query(Long.class)
			.single();
	}

	/**
	 * Withdraws a sold photo: hidden from the public, kept with its original.
	 * @param id the photo
	 * @param now when
	 */
	public void withdraw(UUID id, Instant now) {
		this.jdbc.sql("update photo set hidden = true, withdrawn_at = ?, updated_at = ? where id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	public List<Photo> publishedTakenBetween(UUID eventId, UUID uploaderId, Instant from, Instant to, int limit) {
		return this.jdbc.sql("""
				select * from photo where event_id = ? and uploader_id = ? and status = 'PUBLISHED' and not hidden
				  and taken_at between ? and ? order by taken_at, id limit ?""")
			.params(eventId, uploaderId, Timestamp.from(from), Timestamp.from(to), limit)
			.query(PhotoRepository::map)
			.list();
	}

	public void delete(UUID id) {
		this.jdbc.sql("delete from photo where id = ?").param(id).update();
	}

	static Photo map(ResultSet rs, int row) throws SQLException {
		return new Photo(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getObject("uploader_id", UUID.class), rs.getString("file_name"), rs.getString("sha256"),
				rs.getLong("size_bytes"), rs.getString("format"), rs.getInt("width"), rs.getInt("height"),
				PhotoStatus.valueOf(rs.getString("status")), rs.getBoolean("hidden"), rs.getString("stage"),
				rs.getString("failure"), (Double) rs.getObject("sharpness"), (Double) rs.getObject("exposure"),
				(Double) rs.getObject("quality"),
				(rs.getTimestamp("taken_at") != null) ? rs.getTimestamp("taken_at").toInstant() : null,
				rs.getTimestamp("created_at").toInstant(), rs.getString("camera_serial"));
	}

}

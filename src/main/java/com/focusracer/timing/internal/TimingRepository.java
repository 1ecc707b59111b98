package com.focusracer.timing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.timing.ClockOffset;
import com.focusracer.timing.Passages;
import com.focusracer.timing.Spot;
import com.focusracer.timing.TimingPoint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The timing tables: points, passings, spots, clock offsets and their anchors.
 */
@Repository
public class TimingRepository {

	private final JdbcClient jdbc;

	TimingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An anchor as last used, with its residual. */
	public record StoredAnchor(UUID photoId, String cameraSerial, String bib, Instant takenAt, Instant passageAt,
			double residualSeconds, boolean outlier) {
	}

	public List<TimingPoint> points(UUID eventId) {
		return this.jdbc.sql("""
				select p.*, (select count(*) from timing_passing t where t.point_id = p.id) as passings
				from timing_point p where p.event_id = ? order by p.distance_km, p.name""")
			.param(eventId)
			.query((rs, row) -> new TimingPoint(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
					rs.getString("name"), rs.getDouble("distance_km"), rs.getInt("passings")))
			.list();
	}

	public void savePoint(UUID id, UUID eventId, String name, double distanceKm) {
		this.jdbc.sql("""
				insert into timing_point (id, event_id, name, distance_km) values (?, ?, ?, ?)
				on conflict (id) do update set name = excluded.name, distance_km = excluded.distance_km""")
			.params(id, eventId, name, distanceKm)
			.update();
	}

	public boolean deletePoint(UUID eventId, UUID pointId) {
		return this.jdbc.sql("delete from timing_point where event_id = ? and id = ?")
			.params(eventId, pointId)
			.update() > 0;
	}

	/**
	 * Replaces a point's passings (re-importing never doubles them).
	 * @param pointId the point
	 * @param eventId its event
	 * @param passings bib to its times at that point
	 */
	public void replacePassings(UUID pointId, UUID eventId, Map<String, List<Instant>> passings) {
		this.jdbc.sql("delete from timing_passing where point_id = ?").param(pointId).update();
		List<String> bibs = new ArrayList<>();
		List<Timestamp> times = new ArrayList<>();
		passings.forEach((bib, at) -> at.stream().distinct().forEach((t) -> {
			bibs.add(bib);
			times.add(Timestamp.from(t));
		}));
		// One statement for the whole point: a race's mat holds tens of thousands.
		this.jdbc.sql("""
				insert into timing_passing (point_id, event_id, bib, passed_at)
				select ?, ?, b, t from unnest(?::text[], ?::timestamptz[]) as x(b, t)""")
			.params(pointId, eventId, bibs.toArray(String[]::new), times.toArray(Timestamp[]::new))
			.update();
	}

	/**
	 * Every runner's timings of an event (first passing at each point).
	 * @param eventId the event
	 * @return bib to its splits
	 */
	public Map<String, List<Passages.Split>> splits(UUID eventId) {
		Map<String, List<Passages.Split>> splits = new HashMap<>();
		this.jdbc.sql("""
				select t.bib, p.distance_km, min(t.passed_at) as at from timing_passing t
				join timing_point p on p.id = t.point_id where t.event_id = ? group by t.bib, p.id, p.distance_km""")
			.param(eventId)
			.query((rs) -> {
				splits.computeIfAbsent(rs.getString(1), (b) -> new ArrayList<>())
					.add(new Passages.Split(rs.getDouble(2), rs.getTimestamp(3).toInstant()));
			});
		return splits;
	}

	public List<Spot> spots(UUID eventId) {
		return this.jdbc.sql("select * from photographer_spot where event_id = ? order by distance_km, starts_at")
			.param(eventId)
			.query(TimingRepository::spot)
			.list();
	}

	public Optional<Spot> spot(UUID spotId) {
		return this.jdbc.sql("select * from photographer_spot where id = ?")
			.param(spotId)
			.query(TimingRepository::spot)
			.optional();
	}

	public void saveSpot(Spot spot) {
		this.jdbc.sql("""
				insert into photographer_spot (id, event_id, photographer_id, distance_km, starts_at, ends_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(spot.id(), spot.eventId(), spot.photographerId(), spot.distanceKm(), ts(spot.startsAt()),
					ts(spot.endsAt()))
			.update();
	}

	public boolean deleteSpot(UUID spotId) {
		return this.jdbc.sql("delete from photographer_spot where id = ?").param(spotId).update() > 0;
	}

	private static Spot spot(ResultSet rs, int row) throws SQLException {
		return new Spot(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getObject("photographer_id", UUID.class), rs.getDouble("distance_km"), instant(rs, "starts_at"),
				instant(rs, "ends_at"));
	}

	public List<ClockOffset> offsets(UUID eventId) {
		return this.jdbc.sql("select * from clock_offset where event_id = ? order by photographer_id, camera_serial")
			.param(eventId)
			.query(TimingRepository::offset)
			.list();
	}

	public Optional<ClockOffset> offset(UUID eventId, UUID photographerId, String serial) {
		return this.jdbc
			.sql("select * from clock_offset where event_id = ? and photographer_id = ? and camera_serial = ?")
			.params(eventId, photographerId, serial)
			.query(TimingRepository::offset)
			.optional();
	}

	/**
	 * Stores an estimate and the anchors it rests on, keeping the photographer's
	 * override.
	 */
	public void saveEstimate(UUID eventId, UUID photographerId, String serial, Double seconds, double driftPerHour,
			Instant reference, int anchors, int dropped, Instant now, List<StoredAnchor> used) {
		this.jdbc.sql("""
				insert into clock_offset (event_id, photographer_id, camera_serial, estimated_seconds, drift_per_hour,
				                          reference_at, anchors, dropped, estimated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (event_id, photographer_id, camera_serial) do update set
				  estimated_seconds = excluded.estimated_seconds, drift_per_hour = excluded.drift_per_hour,
				  reference_at = excluded.reference_at, anchors = excluded.anchors, dropped = excluded.dropped,
				  estimated_at = excluded.estimated_at""")
			.params(eventId, photographerId, serial, seconds, driftPerHour, ts(reference), anchors, dropped,
					Timestamp.from(now))
			.update();
		this.jdbc.sql("delete from clock_anchor where event_id = ? and photographer_id = ? and camera_serial = ?")
			.params(eventId, photographerId, serial)
			.update();
		for (StoredAnchor a : used) {
			this.jdbc.sql("""
					insert into clock_anchor (photo_id, event_id, photographer_id, camera_serial, bib, taken_at,
					                          passage_at, residual_seconds, outlier)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (photo_id) do nothing""")
				.params(a.photoId(), eventId, photographerId, serial, a.bib(), Timestamp.from(a.takenAt()),
						Timestamp.from(a.passageAt()), a.residualSeconds(), a.outlier())
				.update();
		}
	}

	public void saveOverride(UUID eventId, UUID photographerId, String serial, Double seconds) {
		this.jdbc
			.sql("""
					insert into clock_offset (event_id, photographer_id, camera_serial, override_seconds) values (?, ?, ?, ?)
					on conflict (event_id, photographer_id, camera_serial) do update set override_seconds = excluded.override_seconds""")
			.params(eventId, photographerId, serial, seconds)
			.update();
	}

	public List<StoredAnchor> anchors(UUID eventId, UUID photographerId) {
		return this.jdbc
			.sql("""
					select * from clock_anchor where event_id = ? and photographer_id = ? order by camera_serial, taken_at""")
			.params(eventId, photographerId)
			.query((rs, row) -> new StoredAnchor(rs.getObject("photo_id", UUID.class), rs.getString("camera_serial"),
					rs.getString("bib"), instant(rs, "taken_at"), instant(rs, "passage_at"),
					rs.getDouble("residual_seconds"), rs.getBoolean("outlier")))
			.list();
	}

	public void deleteAnchors(Collection<UUID> photoIds) {
		this.jdbc.sql("delete from clock_anchor where photo_id = any(?)").param(photoIds.toArray(UUID[]::new)).update();
	}

	private static ClockOffset offset(ResultSet rs, int row) throws SQLException {
		return new ClockOffset(rs.getObject("photographer_id", UUID.class), rs.getString("camera_serial"),
				(Double) rs.getObject("estimated_seconds"), rs.getDouble("drift_per_hour"), instant(rs, "reference_at"),
				rs.getInt("anchors"), rs.getInt("dropped"), (Double) rs.getObject("override_seconds"),
				instant(rs, "estimated_at"));
	}

	private static Timestamp ts(Instant at) {
		return (at != null) ? Timestamp.from(at) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return (ts != null) ? ts.toInstant() : null;
	}

}

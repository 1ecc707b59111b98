package com.focusracer.marketplace.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.marketplace.Listing;
import com.focusracer.marketplace.ListingDraft;
import com.focusracer.marketplace.ListingSearch;
import com.focusracer.marketplace.Position;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Listings and their positions in the {@code listing} and {@code listing_position}
 * tables; a position's accepted count comes from its applications.
 */
@Repository
public class ListingRepository {

	private final JdbcClient jdbc;

	ListingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID ownerId, String slug, ListingDraft draft, String region, String sport,
			LocalDate eventDate, Instant now) {
		this.jdbc.sql("""
				insert into listing (id, event_id, owner_id, slug, title, description, region, sport, event_date,
				    fee, share_percent, apply_until, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(id, draft.eventId(), ownerId, slug, draft.title(), draft.description(), region, sport,
					Date.valueOf(eventDate), draft.fee(), draft.sharePercent(), Date.valueOf(draft.applyUntil()),
					Timestamp.from(now))
			.update();
		int rank = 0;
		for (ListingDraft.PositionDraft position : draft.positions()) {
			this.jdbc.sql("""
					insert into listing_position (id, listing_id, rank, role, spot, spot_km, wanted, work_date,
					    starts_at, ends_at, experience, description)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), id, rank++, position.role(), position.spot(), position.spotKm(),
						position.wanted(), (position.workDate() != null) ? Date.valueOf(position.workDate()) : null,
						(position.startsAt() != null) ? Time.valueOf(position.startsAt()) : null,
						(position.endsAt() != null) ? Time.valueOf(position.endsAt()) : null, position.experience(),
						position.description())
				.update();
		}
	}

	public boolean slugTaken(String slug) {
		return this.jdbc.sql("select count(*) from listing where slug = ?")
			.param(slug)
			.query(Integer.class)
			.single() > 0;
	}

	public Optional<Listing> findById(UUID id) {
		return this.jdbc.sql("select * from listing where id = ?").param(id).query(this::map).optional();
	}

	public Optional<Listing> findBySlug(String slug) {
		return this.jdbc.sql("select * from listing where slug = ?").param(slug).query(this::map).optional();
	}

	public Optional<Listing> findByEvent(UUID eventId) {
		return this.jdbc.sql("select * from listing where event_id = ?").param(eventId).query(this::map).optional();
	}

	public Optional<Listing> findByPosition(UUID positionId) {
		return this.jdbc.sql("select l.* from listing l join listing_position p on p.listing_id = l.id where p.id = ?")
			.param(positionId)
			.query(this::map)
			.optional();
	}

	public List<Listing> ofOwner(UUID ownerId) {
		return this.jdbc.sql("select * from listing where owner_id = ? order by event_date desc")
			.param(ownerId)
			.query(this::map)
			.list();
	}

	/**
	 * The open listings that match, soonest event first.
	 * @param search what to match
	 * @param today the day (past deadlines are left out)
	 * @param limit the most to return
	 * @return the listings
	 */
	public List<Listing> search(ListingSearch search, LocalDate today, int limit) {
		return this.jdbc.sql("""
				select * from listing
				where status = 'OPEN' and apply_until >= :today
				  and (cast(:from as date) is null or event_date >= cast(:from as date))
				  and (cast(:to as date) is null or event_date <= cast(:to as date))
				  and (cast(:region as text) is null or region ilike '%' || cast(:region as text) || '%')
				  and (cast(:sport as text) is null or sport ilike '%' || cast(:sport as text) || '%')
				  and (cast(:terms as text) is null or (:terms = 'fee' and fee is not null)
				       or (:terms = 'share' and share_percent is not null))
				order by event_date, title limit :limit""")
			.param("today", Date.valueOf(today))
			.param("from", (search.from() != null) ? Date.valueOf(search.from()) : null)
			.param("to", (search.to() != null) ? Date.valueOf(search.to()) : null)
			.param("region", blankToNull(search.region()))
			.param("sport", blankToNull(search.sport()))
			.param("terms", blankToNull(search.terms()))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	public void close(UUID id) {
		this.jdbc.sql("update listing set status = 'CLOSED' where id = ?").param(id).update();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private Listing map(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Long fee = (Long) rs.getObject("fee");
		return new Listing(id, rs.getObject("event_id", UUID.class), rs.getObject("owner_id", UUID.class),
				rs.getString("slug"), rs.getString("title"), rs.getString("description"), rs.getString("region"),
				rs.getString("sport"), rs.getDate("event_date").toLocalDate(), fee, rs.getString("currency"),
				(Integer) rs.getObject("share_percent"), rs.getDate("apply_until").toLocalDate(),
				rs.getString("status"), rs.getTimestamp("created_at").toInstant(), positions(id));
	}

	private List<Position> positions(UUID listingId) {
		return this.jdbc.sql("""
				select p.*, (select count(*) from application a
				             where a.position_id = p.id and a.status = 'ACCEPTED') as accepted
				from listing_position p where p.listing_id = ? order by p.rank""")
			.param(listingId)
			.query(ListingRepository::position)
			.list();
	}

	private static Position position(ResultSet rs, int row) throws SQLException {
		Date day = rs.getDate("work_date");
		Time from = rs.getTime("starts_at");
		Time to = rs.getTime("ends_at");
		BigDecimal km = rs.getBigDecimal("spot_km");
		return new Position(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
				rs.getString("role"), rs.getString("spot"), km, rs.getInt("wanted"),
				(day != null) ? day.toLocalDate() : null, (from != null) ? from.toLocalTime() : null,
				(to != null) ? to.toLocalTime() : null, rs.getString("experience"), rs.getString("description"),
				rs.getInt("accepted"));
	}

}

package com.focusracer.marketplace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.marketplace.Application;
import com.focusracer.marketplace.Listing;
import com.focusracer.marketplace.Position;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Applications in the {@code application} table.
 */
@Repository
public class ApplicationRepository {

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, Listing listing, Position position, UUID photographerId, String message,
			String portfolioUrl, Instant now) {
		this.jdbc.sql("""
				insert into application (id, position_id, listing_id, event_id, photographer_id, message,
				    portfolio_url, fee, currency, share_percent, spot, spot_km, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?)""")
			.params(id, position.id(), listing.id(), listing.eventId(), photographerId, message, portfolioUrl,
					listing.fee(), listing.currency(), listing.sharePercent(), position.spot(), position.spotKm(),
					Timestamp.from(now))
			.update();
	}

	/**
	 * Whether a photographer has an application (not withdrawn) for an event.
	 * @param eventId the event
	 * @param photographerId the photographer
	 * @return true when they applied already
	 */
	public boolean applied(UUID eventId, UUID photographerId) {
		return this.jdbc.sql("""
				select count(*) from application
				where event_id = ? and photographer_id = ? and status <> 'WITHDRAWN'""")
			.params(eventId, photographerId)
			.query(Integer.class)
			.single() > 0;
	}

	public Optional<Application> find(UUID id) {
		return this.jdbc.sql("select * from application where id = ?")
			.param(id)
			.query(ApplicationRepository::map)
			.optional();
	}

	/**
	 * Locks an application while it changes (two organizers' clicks, a withdrawal).
	 * @param id the application
	 * @return it, locked until the transaction ends
	 */
	public Optional<Application> lock(UUID id) {
		return this.jdbc.sql("select * from application where id = ? for update")
			.param(id)
			.query(ApplicationRepository::map)
			.optional();
	}

	/**
	 * Locks a position's row so that two acceptances cannot both take its last place.
	 * @param positionId the position
	 */
	public void lockPosition(UUID positionId) {
		this.jdbc.sql("select id from listing_position where id = ? for update").param(positionId).query().listOfRows();
	}

	public int acceptedOn(UUID positionId) {
		return this.jdbc.sql("select count(*) from application where position_id = ? and status = 'ACCEPTED'")
			.param(positionId)
			.query(Integer.class)
			.single();
	}

	public List<Application> ofListing(UUID listingId) {
		return this.jdbc.sql("select * from application where listing_id = ? order by created_at")
			.param(listingId)
			.query(ApplicationRepository::map)
			.list();
	}

	public List<Application> ofPhotographer(UUID photographerId) {
		return this.jdbc.sql("select * from application where photographer_id = ? order by created_at desc limit 200")
			.param(photographerId)
			.query(ApplicationRepository::map)
			.list();
	}

	/**
	 * The events a photographer was accepted for, counted once each.
	 * @param photographerId the photographer
	 * @return the events
	 */
	public List<UUID> acceptedEvents(UUID photographerId) {
		return this.jdbc.sql("""
				select distinct event_id from application where photographer_id = ? and status = 'ACCEPTED'""")
			.param(photographerId)
			.query(UUID.class)
			.list();
	}

	public void setStatus(UUID id, Application.Status status, Instant now) {
		this.jdbc.sql("update application set status = ?, decided_at = ? where id = ?")
			.params(status.name(), Timestamp.from(now), id)
			.update();
	}

	public void withdraw(UUID id, String reason, Instant now) {
		this.jdbc.sql("update application set status = 'WITHDRAWN', withdraw_reason = ?, decided_at = ? where id = ?")
			.params(reason, Timestamp.from(now), id)
			.update();
	}

	static Application map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Application(rs.getObject("id", UUID.class), rs.getObject("position_id", UUID.class),
				rs.getObject("listing_id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getObject("photographer_id", UUID.class), rs.getString("message"), rs.getString("portfolio_url"),
				(Long) rs.getObject("fee"), rs.getString("currency"), (Integer) rs.getObject("share_percent"),
				rs.getString("spot"), rs.getBigDecimal("spot_km"), Application.Status.valueOf(rs.getString("status")),
				rs.getString("withdraw_reason"), rs.getTimestamp("created_at").toInstant(),
				(decided != null) ? decided.toInstant() : null);
	}

}

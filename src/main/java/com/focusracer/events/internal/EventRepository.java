package com.focusracer.events.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.Visibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Events and their members in the {@code event} and {@code event_member} tables.
 */
@Repository
public class EventRepository {

	private final JdbcClient jdbc;

	EventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID ownerId, String slug, EventDraft draft, Instant now) {
		this.jdbc.sql("""
				insert into event (id, owner_id, name, slug, event_date, location, sport, description, visibility,
				                   face_search, face_retention_days, watermark_text, primary_color, sponsor_text,
				                   public_full_names, created_at, updated_at)
				values (:id, :owner, :name, :slug, :date, :location, :sport, :description, :visibility, :faceSearch,
				        :retention, :watermark, :color, :sponsor, :fullNames, :now, :now)""")
			.param("id", id)
			.param("owner", ownerId)
			.param("slug", slug)
			.params(draftParams(draft))
			.param("now", Timestamp.from(now))
			.update();
	}

	public void update(UUID id, EventDraft draft, Instant now) {
		this.jdbc.sql("""
				update event set name = :name, event_date = :date, location = :location, sport = :sport,
				       description = :description, visibility = :visibility, face_search = :faceSearch,
				       face_retention_days = :retention, watermark_text = :watermark, primary_color = :color,
				       sponsor_text = :sponsor, public_full_names = :fullNames, updated_at = :now
				where id = :id""")
			.param("id", id)
			.params(draftParams(draft))
			.param("now", Timestamp.from(now))
			.update();
	}

	private static java.util.Map<String, Object> draftParams(EventDraft draft) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("name", draft.name());
		params.put("date", Date.valueOf(draft.date()));
		params.put("location", draft.location());
		params.put("sport", draft.sport());
		params.put("description", draft.description());
		params.put("visibility", draft.visibility().name());
		params.put("faceSearch", draft.faceSearch());
		params.put("retention", draft.faceDataRetentionDays());
		params.put("watermark", draft.watermarkText());
		params.put("color", draft.primaryColor());
		params.put("sponsor", draft.sponsorText());
		params.put("fullNames", draft.publicFullNames());
		return params;
	}

	public void setSlug(UUID id, String slug) {
		this.jdbc.sql("update event set slug = ? where id = ?").params(slug, id).update();
	}

	public void setArchived(UUID id, boolean archived, Instant now) {
		this.jdbc.sql("update event set archived = ?, updated_at = ? where id = ?")
			.params(archived, Timestamp.from(now), id)
			.update();
	}

	public Optional<Event> findById(UUID id) {
		return this.jdbc.sql("select * from event where id = ?").param(id).query(EventRepository::map).optional();
	}

	public List<Event> findAllById(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from event where id in (:ids)")
			.param("ids", ids)
			.query(EventRepository::map)
			.list();
	}

	public Optional<Event> findBySlug(String slug) {
		return this.jdbc.sql("select * from event where slug = ?").param(slug).query(EventRepository::map).optional();
	}

	public void setModerationReason(UUID id, String reason, Instant now) {
		this.jdbc.sql("update event set moderation_reason = ?, updated_at = ? where id = ?")
			.params(reason, Timestamp.from(now), id)
			.update();
	}

	/**
	 * Every event, newest race first (the admins' list).
	 * @param limit the most to return
	 * @return the events
	 */
	public List<Event> all(int limit) {
		return this.jdbc.sql("select * from event order by event_date desc, name limit ?")
			.param(limit)
			.query(EventRepository::map)
			.list();
	}

	public boolean slugTaken(String slug) {
		return this.jdbc.sql("select count(*) from event where slug = ?").param(slug).query(Integer.class).single() > 0;
	}

	/**
	 * The events an account owns or was added to, newest race first.
	 * @param accountId the account
	 * @param includeArchived whether archived events are listed too
	 * @return the events
	 */
	public List<Event> forAccount(UUID accountId, boolean includeArchived) {
		return this.jdbc.sql("""
				select * from event e
				where (e.owner_id = :account or exists (select 1 from event_member m
				                                        where m.event_id = e.id and m.account_id = :account))
				  and (:archived or not e.archived)
				order by e.event_date desc, e.name""")
			.param("account", accountId)
			.param("archived", includeArchived)
			.query(EventRepository::map)
			.list();
	}

	public List<Event> listed() {
		return this.jdbc.sql("""
				select * from event where visibility = 'PUBLIC' and not archived and moderation_reason is null
				order by event_date desc, name""").query(EventRepository::map).list();
	}

	public boolean isMember(UUID eventId, UUID accountId) {
		return this.jdbc.sql("select count(*) from event_member where event_id = ? and account_id = ?")
			.params(eventId, accountId)
			.query(Integer.class)
			.single() > 0;
	}

	public void addMember(UUID eventId, UUID accountId, Instant now) {
		this.jdbc.sql("""
				insert into event_member (event_id, account_id, added_at) values (?, ?, ?)
				on conflict do nothing""").params(eventId, accountId, Timestamp.from(now)).update();
	}

	/**
	 * Adds a member on agreed terms, or changes the terms of one already there.
	 * @param eventId the event
	 * @param accountId the photographer
	 * @param sharePercent their share of the net sales of their photos, or null
	 * @param note a note shown in the team (their spot)
	 * @param now when
	 */
	public void addMemberWithShare(UUID eventId, UUID accountId, Integer sharePercent, String note, Instant now) {
		this.jdbc.sql("""
				insert into event_member (event_id, account_id, added_at, share_percent, note) values (?, ?, ?, ?, ?)
				on conflict (event_id, account_id) do update
				set share_percent = excluded.share_percent, note = excluded.note""")
			.params(eventId, accountId, Timestamp.from(now), sharePercent, note)
			.update();
	}

	/**
	 * The agreed share of a member.
	 * @param eventId the event
	 * @param accountId the member
	 * @return the share, empty when none was agreed (or not a member)
	 */
	public java.util.Optional<Integer> memberShare(UUID eventId, UUID accountId) {
		return this.jdbc.sql("select share_percent from event_member where event_id = ? and account_id = ?")
			.params(eventId, accountId)
			.query((rs, row) -> (Integer) rs.getObject("share_percent"))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	public java.util.Optional<String> memberNote(UUID eventId, UUID accountId) {
		return this.jdbc.sql("select note from event_member where event_id = ? and account_id = ?")
			.params(eventId, accountId)
			.query((rs, row) -> rs.getString("note"))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	public void removeMember(UUID eventId, UUID accountId) {
		this.jdbc.sql("delete from event_member where event_id = ? and account_id = ?")
			.params(eventId, accountId)
			.update();
	}

	public List<UUID> members(UUID eventId) {
		return this.jdbc.sql("select account_id from event_member where event_id = ? order by added_at")
			.param(eventId)
			.query(UUID.class)
			.list();
	}

	static Event map(ResultSet rs, int row) throws SQLException {
		return new Event(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("name"),
				rs.getString("slug"), rs.getDate("event_date").toLocalDate(), rs.getString("location"),
				rs.getString("sport"), rs.getString("description"), Visibility.valueOf(rs.getString("visibility")),
				rs.getBoolean("face_search"), rs.getInt("face_retention_days"), rs.getString("watermark_text"),
				rs.getString("primary_color"), rs.getString("sponsor_text"), rs.getBoolean("public_full_names"),
				rs.getBoolean("archived"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("moderation_reason"));
	}

}

package com.focusracer.events.connectors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Connectors ({@code start_list_connector}), runners kept until their removal is
 * confirmed ({@code start_list_pending_removal}) and column mappings
 * ({@code start_list_column_mapping}).
 */
@Repository
public class ConnectorRepository {

	private final JdbcClient jdbc;

	ConnectorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A connector as stored.
	 *
	 * @param eventId the event
	 * @param platform the platform's code
	 * @param reference the platform's event id
	 * @param subReference a second id, or {@code null}
	 * @param credentials the encrypted key and secret
	 * @param keyHint the key's last characters, or {@code null}
	 * @param savedAt when the credentials were saved
	 * @param nextSyncAt when the next re-sync is due, {@code null} when they stopped
	 * @param lastSyncAt when the last re-sync ran
	 * @param lastAdded runners the last re-sync added
	 * @param lastChanged runners it changed
	 * @param lastRemoved runners it removed
	 * @param lastError the message key of its failure, or {@code null}
	 */
	public record Stored(UUID eventId, String platform, String reference, String subReference, byte[] credentials,
			String keyHint, Instant savedAt, Instant nextSyncAt, Instant lastSyncAt, Integer lastAdded,
			Integer lastChanged, Integer lastRemoved, String lastError) {
	}

	public Optional<Stored> find(UUID eventId) {
		return this.jdbc.sql("select * from start_list_connector where event_id = ?")
			.param(eventId)
			.query(ConnectorRepository::stored)
			.optional();
	}

	public void save(UUID eventId, String platform, String reference, String subReference, byte[] credentials,
			String keyHint, Instant now, Instant nextSyncAt) {
		this.jdbc.sql("""
				insert into start_list_connector (event_id, platform, reference, sub_reference, credentials, key_hint,
				                                  saved_at, next_sync_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (event_id) do update set platform = excluded.platform, reference = excluded.reference,
				    sub_reference = excluded.sub_reference, credentials = excluded.credentials,
				    key_hint = excluded.key_hint, saved_at = excluded.saved_at,
				    last_error = null""")
			.params(eventId, platform, reference, subReference, credentials, keyHint, Timestamp.from(now),
					timestamp(nextSyncAt))
			.update();
	}

	public boolean delete(UUID eventId) {
		return this.jdbc.sql("delete from start_list_connector where event_id = ?").param(eventId).update() > 0;
	}

	/**
	 * Claims connectors due a re-sync: each one's next sync moves to {@code leaseUntil},
	 * under a row lock that other nodes skip, so that one node does each.
	 * @param now the current time
	 * @param leaseUntil when another node may try again if this one dies
	 * @param limit the most claimed at once
	 * @return the events claimed
	 */
	public List<UUID> claimDue(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql("""
				update start_list_connector set next_sync_at = ?
				where event_id in (select event_id from start_list_connector
				                   where next_sync_at <= ? order by next_sync_at limit ? for update skip locked)
				returning event_id""")
			.params(Timestamp.from(leaseUntil), Timestamp.from(now), limit)
			.query(UUID.class)
			.list();
	}

	public void synced(UUID eventId, Instant now, Instant next, int added, int changed, int removed) {
		this.jdbc.sql("""
				update start_list_connector set last_sync_at = ?, next_sync_at = ?, last_sync_added = ?,
				    last_sync_changed = ?, last_sync_removed = ?, last_error = null where event_id = ?""")
			.params(Timestamp.from(now), timestamp(next), added, changed, removed, eventId)
			.update();
	}

	public void failed(UUID eventId, Instant now, Instant next, String error) {
		this.jdbc.sql(
				"update start_list_connector set last_sync_at = ?, next_sync_at = ?, last_error = ? where event_id = ?")
			.params(Timestamp.from(now), timestamp(next), error, eventId)
			.update();
	}

	public void setNextSync(UUID eventId, Instant next) {
		this.jdbc.sql("update start_list_connector set next_sync_at = ? where event_id = ?")
			.params(timestamp(next), eventId)
			.update();
	}

	public List<String> pendingRemovals(UUID eventId) {
		// Only runners still on the list: an import from the preview may have removed
		// them since.
		return this.jdbc.sql("""
				select p.bib from start_list_pending_removal p
				join start_list_entry e on e.event_id = p.event_id and e.bib = p.bib
				where p.event_id = ? order by length(p.bib), p.bib""").param(eventId).query(String.class).list();
	}

	public void keepPending(UUID eventId, Collection<String> bibs, Instant now) {
		for (String bib : bibs) {
			this.jdbc.sql("""
					insert into start_list_pending_removal (event_id, bib, detected_at) values (?, ?, ?)
					on conflict do nothing""").params(eventId, bib, Timestamp.from(now)).update();
		}
	}

	public void clearPending(UUID eventId, Collection<String> bibs) {
		if (!bibs.isEmpty()) {
			this.jdbc.sql("delete from start_list_pending_removal where event_id = ? and bib = any(?)")
				.params(eventId, bibs.toArray(String[]::new))
				.update();
		}
	}

	public void clearAllPending(UUID eventId) {
		this.jdbc.sql("delete from start_list_pending_removal where event_id = ?").param(eventId).update();
	}

	/**
	 * An event's column mapping: our field's name to the file's header, in our fields'
	 * order.
	 * @param eventId the event
	 * @return the mapping, empty when none was saved
	 */
	public Map<String, String> mapping(UUID eventId) {
		Map<String, String> mapping = new LinkedHashMap<>();
		this.jdbc.sql("select mapping from start_list_column_mapping where event_id = ?")
			.param(eventId)
			.query(String.class)
			.optional()
			.ifPresent((text) -> text.lines().forEach((line) -> {
				int split = line.indexOf('=');
				if (split > 0) {
					mapping.put(line.substring(0, split), line.substring(split + 1));
				}
			}));
		return mapping;
	}

	public void saveMapping(UUID eventId, Map<String, String> mapping, Instant now) {
		StringBuilder text = new StringBuilder();
		mapping
			.forEach((field, column) -> text.append(field).append('=').append(column.replace('\n', ' ')).append('\n'));
		this.jdbc.sql("""
				insert into start_list_column_mapping (event_id, mapping, saved_at) values (?, ?, ?)
				on conflict (event_id) do update set mapping = excluded.mapping, saved_at = excluded.saved_at""")
			.params(eventId, text.toString(), Timestamp.from(now))
			.update();
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getObject("event_id", UUID.class), rs.getString("platform"), rs.getString("reference"),
				rs.getString("sub_reference"), rs.getBytes("credentials"), rs.getString("key_hint"),
				instant(rs.getTimestamp("saved_at")), instant(rs.getTimestamp("next_sync_at")),
				instant(rs.getTimestamp("last_sync_at")), (Integer) rs.getObject("last_sync_added"),
				(Integer) rs.getObject("last_sync_changed"), (Integer) rs.getObject("last_sync_removed"),
				rs.getString("last_error"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}

package com.focusracer.events.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import com.focusracer.events.Runner;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Start-list lines in {@code start_list_entry}; whole lists are written with PostgreSQL's
 * COPY.
 */
@Repository
public class StartListRepository {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	StartListRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	public List<Runner> all(UUID eventId) {
		return this.jdbc.sql("""
				select bib, first_name, last_name, email, category, club, gender, birth_year, wave, chip
				from start_list_entry where event_id = ? order by length(bib), bib""")
			.param(eventId)
			.query((rs, row) -> new Runner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), rs.getString(9),
					rs.getString(10)))
			.list();
	}

	public int count(UUID eventId) {
		return this.jdbc.sql("select count(*) from start_list_entry where event_id = ?")
			.param(eventId)
			.query(Integer.class)
			.single();
	}

	public java.util.Map<UUID, Long> counts(java.util.Collection<UUID> eventIds) {
		java.util.Map<UUID, Long> counts = new java.util.HashMap<>();
		this.jdbc.sql("""
				select event_id, count(*) from start_list_entry where event_id = any(cast(? as uuid[]))
				group by event_id""").param(eventIds.toArray(UUID[]::new)).query((rs) -> {
			counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
		});
		return counts;
	}

	public Optional<Runner> find(UUID eventId, String bib) {
		return all(eventId).stream().filter((runner) -> runner.bib().equals(bib)).findFirst();
	}

	/**
	 * Replaces the whole list, in the caller's transaction.
	 * @param eventId the event
	 * @param runners the new list
	 * @param now the current time
	 */
	public void replace(UUID eventId, List<Runner> runners, Instant now) {
		this.jdbc.sql("delete from start_list_entry where event_id = ?").param(eventId).update();
		StringBuilder rows = new StringBuilder(runners.size() * 64);
		String event = eventId.toString();
		String time = Timestamp.from(now).toInstant().toString();
		for (Runner runner : runners) {
			rows.append(event)
				.append('\t')
				.append(copyText(runner.bib()))
				.append('\t')
				.append(copyText(runner.firstName()))
				.append('\t')
				.append(copyText(runner.lastName()))
				.append('\t')
				.append(copyText(runner.email()))
				.append('\t')
				.append(copyText(runner.category()))
				.append('\t')
				.append(copyText(runner.club()))
				.append('\t')
				.append(copyText(runner.gender()))
				.append('\t')
				.append((runner.birthYear() != null) ? runner.birthYear().toString() : "\\N")
				.append('\t')
				.append(copyText(runner.wave()))
				.append('\t')
				.append(copyText(runner.chip()))
				.append('\t')
				.append(time)
				.append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy start_list_entry (event_id, bib, first_name, last_name, email, category, club, gender, "
						+ "birth_year, wave, chip, updated_at) from stdin", new StringReader(rows.toString()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write the start list of event " + eventId, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	public void save(UUID eventId, Runner runner, Instant now) {
		this.jdbc.sql("""
				insert into start_list_entry (event_id, bib, first_name, last_name, email, category, club, gender,
				                              birth_year, wave, chip, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (event_id, bib) do update set first_name = excluded.first_name,
				    last_name = excluded.last_name, email = excluded.email, category = excluded.category,
				    club = excluded.club, gender = excluded.gender, birth_year = excluded.birth_year,
				    wave = excluded.wave, chip = excluded.chip, updated_at = excluded.updated_at""")
			.params(eventId, runner.bib(), runner.firstName(), runner.lastName(), runner.email(), runner.category(),
					runner.club(), runner.gender(), runner.birthYear(), runner.wave(), runner.chip(),
					Timestamp.from(now))
			.update();
	}

	public boolean delete(UUID eventId, String bib) {
		return this.jdbc.sql("delete from start_list_entry where event_id = ? and bib = ?")
			.params(eventId, bib)
			.update() > 0;
	}

	public UUID storeUpload(UUID eventId, String fileName, byte[] content, Instant now) {
		UUID id = UUID.randomUUID();
		// Only the newest pending file of an event is kept.
		this.jdbc.sql("delete from start_list_upload where event_id = ?").param(eventId).update();
		this.jdbc
			.sql("insert into start_list_upload (id, event_id, file_name, content, created_at) values (?, ?, ?, ?, ?)")
			.params(id, eventId, fileName, content, Timestamp.from(now))
			.update();
		return id;
	}

	public Optional<byte[]> upload(UUID eventId, UUID uploadId) {
		return this.jdbc.sql("select content from start_list_upload where id = ? and event_id = ?")
			.params(uploadId, eventId)
			.query(byte[].class)
			.optional();
	}

	public Optional<String> uploadName(UUID eventId, UUID uploadId) {
		return this.jdbc.sql("select file_name from start_list_upload where id = ? and event_id = ?")
			.params(uploadId, eventId)
			.query(String.class)
			.optional();
	}

	public void deleteUpload(UUID uploadId) {
		this.jdbc.sql("delete from start_list_upload where id = ?").param(uploadId).update();
	}

	private static String copyText(String value) {
		if (value == null) {
			return "\\N";
		}
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	public List<com.focusracer.events.EntryRef> entriesOf(String email) {
		return this.jdbc.sql("select event_id, bib from start_list_entry where lower(email) = lower(?)")
			.param(email)
			.query((rs, row) -> new com.focusracer.events.EntryRef(rs.getObject("event_id", java.util.UUID.class),
					rs.getString("bib")))
			.list();
	}

}

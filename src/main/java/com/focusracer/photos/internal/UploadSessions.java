package com.focusracer.photos.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Browser uploads in progress in the {@code upload_session} table. A node stores a chunk
 * only while it holds the upload's row lock, so chunks of one upload never interleave,
 * whichever nodes receive them.
 */
@Repository
public class UploadSessions {

	private static final String SELECT = "select id, event_id, account_id, file_name, size_bytes, received_bytes, "
			+ "parts_id, part_receipts, parts_bytes, pending_starts, updated_at from upload_session ";

	private final JdbcClient jdbc;

	UploadSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An upload in progress.
	 *
	 * @param id the upload
	 * @param eventId its event
	 * @param accountId its uploader
	 * @param fileName the file's name
	 * @param sizeBytes the size announced
	 * @param receivedBytes the bytes received durably
	 * @param partsId the store's name for the parts, {@code null} before the first part
	 * @param partReceipts the receipts of the parts stored, in order
	 * @param partsBytes the bytes in those parts
	 * @param pendingStarts where each chunk kept until it makes a part starts
	 * @param updatedAt when a chunk last arrived
	 */
	public record UploadSession(UUID id, UUID eventId, UUID accountId, String fileName, long sizeBytes,
			long receivedBytes, String partsId, List<String> partReceipts, long partsBytes, List<Long> pendingStarts,
			Instant updatedAt) {

		public boolean hasParts() {
			return !this.partReceipts.isEmpty();
		}

	}

	/**
	 * Inserts an upload unless the uploader has one in progress for the same file.
	 */
	public void insertIfNew(UUID id, UUID eventId, UUID accountId, String fileName, long size, String fingerprint,
			Instant now) {
		this.jdbc.sql("""
				insert into upload_session (id, event_id, account_id, file_name, size_bytes, fingerprint, created_at,
				                            updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (account_id, event_id, fingerprint) do nothing""")
			.params(id, eventId, accountId, fileName, size, fingerprint, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	public Optional<UploadSession> findByFingerprint(UUID accountId, UUID eventId, String fingerprint) {
		return this.jdbc.sql(SELECT + "where account_id = ? and event_id = ? and fingerprint = ? and not done")
			.params(accountId, eventId, fingerprint)
			.query(UploadSessions::session)
			.optional();
	}

	/**
	 * An upload in progress as last committed, without waiting for any lock.
	 */
	public Optional<UploadSession> find(UUID id, UUID accountId) {
		return this.jdbc.sql(SELECT + "where id = ? and account_id = ? and not done")
			.params(id, accountId)
			.query(UploadSessions::session)
			.optional();
	}

	/**
	 * Locks an upload in progress until the caller's transaction ends; empty when it is
	 * gone or another transaction holds it (tell them apart with {@link #find}).
	 */
	public Optional<UploadSession> lock(UUID id, UUID accountId) {
		return this.jdbc.sql(SELECT + "where id = ? and account_id = ? and not done for update skip locked")
			.params(id, accountId)
			.query(UploadSessions::session)
			.optional();
	}

	/**
	 * Locks an upload in progress until the caller's transaction ends, waiting for
	 * another transaction that holds it.
	 * @param id the upload
	 * @param accountId its uploader
	 * @param timeout the longest wait
	 * @return the upload, empty when it is gone
	 * @throws org.springframework.dao.PessimisticLockingFailureException when the lock
	 * was not released in time
	 */
	public Optional<UploadSession> lockWaiting(UUID id, UUID accountId, java.time.Duration timeout) {
		this.jdbc.sql("select set_config('lock_timeout', ?, true)").param(timeout.toMillis() + "ms").query().rowSet();
		return this.jdbc.sql(SELECT + "where id = ? and account_id = ? and not done for update")
			.params(id, accountId)
			.query(UploadSessions::session)
			.optional();
	}

	/**
	 * Records a chunk kept until it makes a part with the next ones.
	 */
	public void recordPending(UUID id, long start, long received, Instant now) {
		this.jdbc.sql("""
				update upload_session set received_bytes = ?, pending_starts = array_append(pending_starts, ?),
				                          updated_at = ?
				where id = ?""").params(received, start, Timestamp.from(now), id).update();
	}

	/**
	 * Records a stored part; the chunks that waited for it are in it.
	 */
	public void recordPart(UUID id, String partsId, String receipt, long received, Instant now) {
		this.jdbc.sql("""
				update upload_session set parts_id = ?, part_receipts = array_append(part_receipts, ?),
				                          parts_bytes = ?, received_bytes = ?, pending_starts = '{}', updated_at = ?
				where id = ?""").params(partsId, receipt, received, received, Timestamp.from(now), id).update();
	}

	/**
	 * Marks an upload done: no longer found, its file may be sent again, and what is left
	 * of it in the store is to be deleted.
	 */
	public void markDone(UUID id, Instant now) {
		this.jdbc.sql("update upload_session set done = true, fingerprint = null, updated_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	/**
	 * Uploads done, or not touched since a moment.
	 */
	public List<UUID> forgettable(Instant untouchedSince, int limit) {
		return this.jdbc.sql("select id from upload_session where done or updated_at < ? order by updated_at limit ?")
			.params(Timestamp.from(untouchedSince), limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Locks an upload that is still forgettable, unless another transaction holds it (a
	 * chunk arrived meanwhile, or another node is forgetting it).
	 */
	public Optional<UploadSession> lockForgettable(UUID id, Instant untouchedSince) {
		return this.jdbc.sql(SELECT + "where id = ? and (done or updated_at < ?) for update skip locked")
			.params(id, Timestamp.from(untouchedSince))
			.query(UploadSessions::session)
			.optional();
	}

	public void delete(UUID id) {
		this.jdbc.sql("delete from upload_session where id = ?").param(id).update();
	}

	private static UploadSession session(ResultSet rs, int row) throws SQLException {
		return new UploadSession(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getObject("account_id", UUID.class), rs.getString("file_name"), rs.getLong("size_bytes"),
				rs.getLong("received_bytes"), rs.getString("parts_id"),
				List.of((String[]) array(rs.getArray("part_receipts"))), rs.getLong("parts_bytes"),
				Arrays.asList((Long[]) array(rs.getArray("pending_starts"))),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static Object array(Array array) throws SQLException {
		try {
			return array.getArray();
		}
		finally {
			array.free();
		}
	}

}

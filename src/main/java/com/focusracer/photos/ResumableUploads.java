package com.focusracer.photos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Browser uploads that survive dropped connections and server restarts. The browser sends
 * a file in chunks, each at the offset the server confirmed; every chunk is forced to
 * disk before the new offset is confirmed, and the confirmed offset is read back from the
 * file itself, so a restart resumes from the last durable byte. When the last byte
 * arrives, the file is handed to {@link PhotoManagement#accept}.
 */
@Service
public class ResumableUploads {

	private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);

	private final JdbcClient jdbc;

	private final EventManagement events;

	private final PhotoManagement photos;

	private final PhotosProperties properties;

	private final Clock clock;

	private final Path folder;

	private final java.util.Map<UUID, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

	ResumableUploads(JdbcClient jdbc, EventManagement events, PhotoManagement photos, PhotosProperties properties,
			Clock clock) throws IOException {
		this.jdbc = jdbc;
		this.events = events;
		this.photos = photos;
		this.properties = properties;
		this.clock = clock;
		this.folder = Files.createDirectories(properties.storageDirectory().resolve("incoming").toAbsolutePath());
	}

	/**
	 * An upload and how far it got.
	 *
	 * @param id the upload's id
	 * @param offset the bytes received durably
	 * @param size the file's size
	 */
	public record Status(UUID id, long offset, long size) {
	}

	/**
	 * What a chunk did.
	 *
	 * @param status the upload after the chunk
	 * @param outcome the photo's outcome once the last byte arrived, else {@code null}
	 */
	public record ChunkResult(Status status, UploadOutcome outcome) {
	}

	/**
	 * Thrown when a chunk does not start where the server is.
	 */
	public static class OffsetMismatchException extends RuntimeException {

		private final long expected;

		public OffsetMismatchException(long expected) {
			super("Expected offset " + expected);
			this.expected = expected;
		}

		public long expected() {
			return this.expected;
		}

	}

	/**
	 * Thrown when a chunk carries bytes past the size the upload announced; the bytes
	 * before the offending read are kept.
	 */
	public static class PastAnnouncedSizeException extends RuntimeException {

		private final long size;

		public PastAnnouncedSizeException(long size) {
			super("More bytes than the " + size + " announced");
			this.size = size;
		}

		public long size() {
			return this.size;
		}

	}

	/**
	 * Starts an upload, or finds the one already started for the same file (same
	 * fingerprint).
	 * @param eventId the event
	 * @param accountId the uploader
	 * @param fileName the file's name
	 * @param size the file's size
	 * @param fingerprint what identifies the file on the uploader's side (name, size,
	 * date)
	 * @return where it stands
	 * @throws IOException when the part file cannot be created
	 */
	public Status start(UUID eventId, UUID accountId, String fileName, long size, String fingerprint)
			throws IOException {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		if (size <= 0 || size > this.properties.maxFileBytes()) {
			throw new IllegalArgumentException("size");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into upload_session (id, event_id, account_id, file_name, size_bytes, fingerprint, created_at,
				                            updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (account_id, event_id, fingerprint) do nothing""")
			.params(id, eventId, accountId, fileName, size, fingerprint, Timestamp.from(this.clock.instant()),
					Timestamp.from(this.clock.instant()))
			.update();
		UUID existing = this.jdbc
			.sql("select id from upload_session where account_id = ? and event_id = ? and fingerprint = ?")
			.params(accountId, eventId, fingerprint)
			.query(UUID.class)
			.single();
		Path part = part(existing);
		if (!Files.exists(part)) {
			Files.createFile(part);
		}
		return new Status(existing, Files.size(part), size);
	}

	public Optional<Status> status(UUID uploadId, UUID accountId) throws IOException {
		Optional<Long> size = this.jdbc.sql("select size_bytes from upload_session where id = ? and account_id = ?")
			.params(uploadId, accountId)
			.query(Long.class)
			.optional();
		if (size.isEmpty()) {
			return Optional.empty();
		}
		Path part = part(uploadId);
		return Optional.of(new Status(uploadId, Files.exists(part) ? Files.size(part) : 0, size.get()));
	}

	/**
	 * Appends a chunk that starts at the confirmed offset.
	 * @param uploadId the upload
	 * @param accountId the uploader
	 * @param offset where the chunk starts
	 * @param chunk the bytes
	 * @return the new state, and the photo's outcome when the file is complete
	 * @throws IOException when the chunk cannot be made durable
	 */
	public ChunkResult append(UUID uploadId, UUID accountId, long offset, InputStream chunk) throws IOException {
		Session session = this.jdbc.sql("""
				select id, event_id, file_name, size_bytes from upload_session where id = ? and account_id = ?""")
			.params(uploadId, accountId)
			.query(Session.class)
			.optional()
			.orElseThrow(EventNotFoundException::new);
		Path part = part(uploadId);
		long written;
		// One writer per upload; different uploads write side by side.
		Object lock = this.locks.computeIfAbsent(uploadId, (id) -> new Object());
		synchronized (lock) {
			long current = Files.exists(part) ? Files.size(part) : 0;
			if (offset != current) {
				throw new OffsetMismatchException(current);
			}
			try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				long total = current;
				while ((read = chunk.read(buffer)) > 0) {
					total += read;
					if (total > session.sizeBytes()) {
						throw new PastAnnouncedSizeException(session.sizeBytes());
					}
					channel.write(ByteBuffer.wrap(buffer, 0, read));
				}
				channel.force(true);
				written = total;
			}
		}
		this.jdbc.sql("update upload_session set updated_at = ? where id = ?")
			.params(Timestamp.from(this.clock.instant()), uploadId)
			.update();
		Status status = new Status(uploadId, written, session.sizeBytes());
		if (written < session.sizeBytes()) {
			return new ChunkResult(status, null);
		}
		UploadOutcome outcome = this.photos.accept(session.eventId(), accountId, session.fileName(), part);
		this.jdbc.sql("delete from upload_session where id = ?").param(uploadId).update();
		Files.deleteIfExists(part);
		this.locks.remove(uploadId);
		return new ChunkResult(status, outcome);
	}

	/**
	 * Forgets uploads abandoned for a day, and their part files (a retention rule applied
	 * by the daily {@code RetentionSweep}).
	 * @return how many were forgotten
	 * @throws IOException when a part file cannot be deleted
	 */
	public int forgetAbandoned() throws IOException {
		int forgotten = 0;
		Timestamp before = Timestamp.from(this.clock.instant().minus(Duration.ofDays(1)));
		for (UUID id : this.jdbc.sql("select id from upload_session where updated_at < ?")
			.param(before)
			.query(UUID.class)
			.list()) {
			Files.deleteIfExists(part(id));
			this.jdbc.sql("delete from upload_session where id = ?").param(id).update();
			log.info("Abandoned upload {} forgotten", id);
			forgotten++;
		}
		return forgotten;
	}

	private Path part(UUID uploadId) {
		return this.folder.resolve(uploadId + ".part");
	}

	record Session(UUID id, UUID eventId, String fileName, long sizeBytes) {
	}

}

package com.focusracer.photos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.photos.internal.UploadParts;
import com.focusracer.photos.internal.UploadParts.Chunk;
import com.focusracer.photos.internal.UploadSessions;
import com.focusracer.photos.internal.UploadSessions.UploadSession;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser uploads that survive dropped connections, server restarts, and chunks that
 * reach different nodes. The browser sends a file in chunks, each at the offset the
 * server confirmed. Nothing of an upload is kept on the node that receives a chunk: the
 * upload is a row in PostgreSQL, its bytes are in the {@link BlobStore} (parts, on S3 a
 * multipart upload), and a node stores a chunk only while it holds the row's lock, so a
 * chunk that arrives while another of the same upload is being stored is refused
 * ({@link BusyException}) rather than mixed with it. A chunk is confirmed once it is
 * durable in the store and recorded. When the last byte arrives, the file is handed to
 * {@link PhotoManagement#accept}, as any upload is. Uploads not touched for
 * {@code focusracer.photos.uploads.abandon-after} are forgotten, their bytes deleted.
 */
@Service
public class ResumableUploads {

	private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);

	private final UploadSessions sessions;

	private final UploadParts parts;

	private final EventManagement events;

	private final PhotoManagement photos;

	private final PhotosProperties properties;

	private final TransactionTemplate locked;

	private final TransactionTemplate outside;

	private final Clock clock;

	ResumableUploads(UploadSessions sessions, UploadParts parts, EventManagement events, PhotoManagement photos,
			PhotosProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.sessions = sessions;
		this.parts = parts;
		this.events = events;
		this.photos = photos;
		this.properties = properties;
		this.locked = new TransactionTemplate(transactions);
		// The photo is accepted as any upload is, in transactions of its own, while the
		// upload's row stays locked.
		this.outside = new TransactionTemplate(transactions);
		this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.clock = clock;
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
	 * Thrown when a chunk carries bytes past the size the upload announced; none of the
	 * chunk is kept, the bytes confirmed before it are.
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
	 * Thrown when another chunk of the same upload is being stored (by this node or
	 * another): the chunk is not kept; sending it again in a moment, at the offset the
	 * server then confirms, is right.
	 */
	public static class BusyException extends RuntimeException {

		private final long offset;

		public BusyException(long offset) {
			super("Another chunk is being stored");
			this.offset = offset;
		}

		/**
		 * The bytes confirmed when the chunk arrived.
		 * @return the offset
		 */
		public long offset() {
			return this.offset;
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
	 */
	public Status start(UUID eventId, UUID accountId, String fileName, long size, String fingerprint) {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		if (size <= 0 || size > this.properties.maxFileBytes()) {
			throw new IllegalArgumentException("size");
		}
		for (;;) {
			this.sessions.insertIfNew(UUID.randomUUID(), eventId, accountId, fileName, size, fingerprint,
					this.clock.instant());
			// Empty only when the one found by the insert was done since.
			Optional<UploadSession> session = this.sessions.findByFingerprint(accountId, eventId, fingerprint);
			if (session.isPresent()) {
				return status(session.get());
			}
		}
	}

	public Optional<Status> status(UUID uploadId, UUID accountId) {
		return this.sessions.find(uploadId, accountId).map(ResumableUploads::status);
	}

	/**
	 * Appends a chunk that starts at the confirmed offset; an empty chunk at the end of
	 * the file finishes an upload whose last answer was lost.
	 * @param uploadId the upload
	 * @param accountId the uploader
	 * @param offset where the chunk starts
	 * @param chunk the bytes
	 * @return the new state, and the photo's outcome when the file is complete
	 * @throws IOException when the chunk cannot be made durable (it is not confirmed
	 * then)
	 * @throws OffsetMismatchException when the chunk does not start where the upload is
	 * @throws BusyException when another chunk of the upload is being stored
	 * @throws PastAnnouncedSizeException when the chunk goes past the announced size
	 * @throws EventNotFoundException when the uploader has no such upload in progress
	 */
	public ChunkResult append(UUID uploadId, UUID accountId, long offset, InputStream chunk) throws IOException {
		UploadSession seen = this.sessions.find(uploadId, accountId).orElseThrow(EventNotFoundException::new);
		if (offset != seen.receivedBytes()) {
			throw new OffsetMismatchException(seen.receivedBytes());
		}
		// Received before the lock is taken: a slow connection holds no lock.
		Chunk received = Chunk.receive(chunk, seen.sizeBytes() - offset);
		if (received == null) {
			throw new PastAnnouncedSizeException(seen.sizeBytes());
		}
		try {
			Step step = locked(uploadId, accountId, false, (session) -> {
				if (offset != session.receivedBytes()) {
					throw new OffsetMismatchException(session.receivedBytes());
				}
				long end = offset + received.size();
				if (end < session.sizeBytes() || (session.hasParts() && received.size() > 0)) {
					List<String> merged = (received.size() > 0) ? this.parts.store(session, received, now())
							: List.of();
					return new Step(new ChunkResult(new Status(uploadId, end, session.sizeBytes()), null), null,
							merged);
				}
				if (session.hasParts()) {
					return finish(session, this.parts.complete(session));
				}
				return finish(session, this.parts.join(session, received));
			});
			this.parts.deleteQuietly(step.merged());
			if (step.result().outcome() == null && step.result().status().offset() == seen.sizeBytes()) {
				// The last part is stored and recorded: the parts are joined in a
				// transaction of their own, so that a failure from now on leaves every
				// byte
				// confirmed. It waits for a request that holds the lock meanwhile (a copy
				// of this chunk, refused in a moment).
				step = locked(uploadId, accountId, true, (session) -> finish(session, this.parts.complete(session)));
			}
			if (step.finished() != null) {
				forget(step.finished());
			}
			return step.result();
		}
		finally {
			received.delete();
		}
	}

	private Step finish(UploadSession session, Path file) throws IOException {
		try {
			UploadOutcome outcome = this.outside.execute((status) -> {
				try {
					return this.photos.accept(session.eventId(), session.accountId(), session.fileName(), file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			this.sessions.markDone(session.id(), now());
			log.info("Upload {} of {} for event {} complete: {}", session.id(), session.fileName(), session.eventId(),
					outcome.outcome());
			return new Step(
					new ChunkResult(new Status(session.id(), session.sizeBytes(), session.sizeBytes()), outcome),
					session, List.of());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * Forgets uploads done, or abandoned: not touched for
	 * {@code focusracer.photos.uploads.abandon-after}; a retention rule applied by the
	 * daily {@code RetentionSweep}. Any node may run it at any time: an upload that a
	 * node is storing a chunk of, or forgetting, is left to it.
	 * @return how many were forgotten
	 */
	public int forgetAbandoned() {
		int forgotten = 0;
		Instant before = now().minus(this.properties.uploads().abandonAfter());
		for (UUID id : this.sessions.forgettable(before, 500)) {
			try {
				Boolean done = this.locked
					.execute((status) -> this.sessions.lockForgettable(id, before).map((session) -> {
						try {
							this.parts.forget(session);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
						this.sessions.delete(id);
						log.info("Upload {} of {} for event {} forgotten ({} of {} bytes received)", id,
								session.fileName(), session.eventId(), session.receivedBytes(), session.sizeBytes());
						return true;
					}).orElse(false));
				if (Boolean.TRUE.equals(done)) {
					forgotten++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Upload {} could not be forgotten, tried again later: {}", id, ex.getMessage());
			}
		}
		return forgotten;
	}

	/**
	 * Deletes what a done upload left, then its row; left to {@link #forgetAbandoned}
	 * when the store fails.
	 */
	private void forget(UploadSession session) {
		try {
			this.parts.forget(session);
			this.sessions.delete(session.id());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Upload {}: its parts could not be deleted now, they will be later: {}", session.id(),
					ex.getMessage());
		}
	}

	/**
	 * Runs work on an upload while holding its row lock.
	 * @throws BusyException when another transaction holds it (longer than a few seconds
	 * when waiting)
	 * @throws EventNotFoundException when it is gone
	 */
	private Step locked(UUID uploadId, UUID accountId, boolean wait, LockedWork work) throws IOException {
		try {
			return this.locked.execute((status) -> {
				Optional<UploadSession> lock = wait
						? this.sessions.lockWaiting(uploadId, accountId, Duration.ofSeconds(10))
						: this.sessions.lock(uploadId, accountId);
				UploadSession session = lock.orElseThrow(() -> {
					Optional<UploadSession> busy = this.sessions.find(uploadId, accountId);
					return busy.isPresent() ? new BusyException(busy.get().receivedBytes())
							: new EventNotFoundException();
				});
				try {
					return work.on(session);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (PessimisticLockingFailureException ex) {
			throw new BusyException(this.sessions.find(uploadId, accountId)
				.map(UploadSession::receivedBytes)
				.orElseThrow(EventNotFoundException::new));
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static Status status(UploadSession session) {
		return new Status(session.id(), session.receivedBytes(), session.sizeBytes());
	}

	@FunctionalInterface
	private interface LockedWork {

		Step on(UploadSession session) throws IOException;

	}

	/**
	 * What a locked step did.
	 *
	 * @param result the answer
	 * @param finished the upload, when it is done and its parts are to be deleted
	 * @param merged the keys of chunks that went into a part, to delete
	 */
	private record Step(ChunkResult result, UploadSession finished, List<String> merged) {
	}

}

package com.focusracer.photos.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.photos.BlobStore;
import com.focusracer.photos.internal.UploadSessions.UploadSession;

import org.springframework.stereotype.Component;

/**
 * The bytes of browser uploads in progress, in the blob store that every node reaches,
 * under {@code uploads/<id>/}: the parts of the file (on S3, a multipart upload), and the
 * chunks kept until there are enough bytes for a part (S3 joins no part under 5 MiB but
 * the last; the page sends 2 MiB chunks). Callers hold the upload's row lock.
 */
@Component
public class UploadParts {

	private static final Logger log = LoggerFactory.getLogger(UploadParts.class);

	private final BlobStore blobs;

	private final UploadSessions sessions;

	UploadParts(BlobStore blobs, UploadSessions sessions) {
		this.blobs = blobs;
		this.sessions = sessions;
	}

	/**
	 * A chunk received whole, in a temporary file of the request that brought it.
	 *
	 * @param file the bytes
	 * @param size how many
	 * @param sha256 their hex SHA-256
	 */
	public record Chunk(Path file, long size, String sha256) {

		/**
		 * Receives a chunk into a temporary file.
		 * @param in the bytes
		 * @param limit the most bytes allowed
		 * @return the chunk, or {@code null} when there were more bytes than the limit
		 * (none kept)
		 * @throws IOException when the bytes cannot be read or written
		 */
		public static Chunk receive(InputStream in, long limit) throws IOException {
			Path file = Files.createTempFile("focus-racer-chunk-", ".part");
			try {
				MessageDigest digest = newDigest();
				long size = 0;
				try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
					byte[] buffer = new byte[64 * 1024];
					for (int read; (read = in.read(buffer)) > 0;) {
						size += read;
						if (size > limit) {
							Files.delete(file);
							return null;
						}
						out.write(buffer, 0, read);
					}
				}
				return new Chunk(file, size, HexFormat.of().formatHex(digest.digest()));
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(file);
				throw ex;
			}
		}

		public void delete() throws IOException {
			Files.deleteIfExists(this.file);
		}

	}

	/**
	 * Stores a chunk and records it: in a part when, with the chunks kept before it, it
	 * makes one (always when it is the last), else kept as it is.
	 * @param session the upload, locked
	 * @param chunk the chunk, which starts where the upload is
	 * @param now the moment
	 * @return the keys of the chunks that went into a part, to delete once recorded
	 * @throws IOException when the store failed (nothing is recorded then)
	 */
	public List<String> store(UploadSession session, Chunk chunk, Instant now) throws IOException {
		long kept = session.receivedBytes() - session.partsBytes();
		long end = session.receivedBytes() + chunk.size();
		boolean last = end == session.sizeBytes();
		if (!last && kept + chunk.size() < this.blobs.minPartBytes()) {
			this.blobs.put(pendingKey(session.id(), session.receivedBytes()), chunk.file(), chunk.sha256());
			this.sessions.recordPending(session.id(), session.receivedBytes(), end, now);
			return List.of();
		}
		boolean begun = session.partsId() == null;
		String partsId = begun ? this.blobs.beginParts(fileKey(session.id())) : session.partsId();
		Path joined = (kept > 0) ? join(session, chunk) : null;
		try {
			Path part = (joined != null) ? joined : chunk.file();
			String sha256 = (joined != null) ? sha256(joined) : chunk.sha256();
			String receipt = this.blobs.putPart(fileKey(session.id()), partsId, session.partReceipts().size() + 1, part,
					sha256);
			this.sessions.recordPart(session.id(), partsId, receipt, end, now);
		}
		catch (IOException | RuntimeException ex) {
			if (begun) {
				abortQuietly(session.id(), partsId);
			}
			throw ex;
		}
		finally {
			if (joined != null) {
				Files.deleteIfExists(joined);
			}
		}
		return session.pendingStarts().stream().map((start) -> pendingKey(session.id(), start)).toList();
	}

	/**
	 * The whole file of an upload that stored no part, from its kept chunks and the last
	 * one.
	 * @param session the upload, locked
	 * @param last its last chunk
	 * @return a temporary file the caller deletes
	 * @throws IOException when a kept chunk cannot be read or is not what was recorded
	 */
	public Path join(UploadSession session, Chunk last) throws IOException {
		Path file = Files.createTempFile("focus-racer-upload-", ".part");
		try {
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
				List<Long> starts = new ArrayList<>(session.pendingStarts());
				starts.add(session.receivedBytes());
				for (int i = 0; i < starts.size() - 1; i++) {
					long copied;
					try (InputStream in = this.blobs.open(pendingKey(session.id(), starts.get(i)))) {
						copied = in.transferTo(out);
					}
					if (copied != starts.get(i + 1) - starts.get(i)) {
						throw new IOException("Upload " + session.id() + ": the chunk kept at " + starts.get(i)
								+ " has " + copied + " bytes, not " + (starts.get(i + 1) - starts.get(i)));
					}
				}
				Files.copy(last.file(), out);
			}
			return file;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * Joins the parts of an upload whose bytes are all stored, and fetches the file.
	 * @param session the upload, locked, with all its bytes in parts
	 * @return a temporary file the caller deletes
	 * @throws IOException when the parts cannot be joined or the file read
	 */
	public Path complete(UploadSession session) throws IOException {
		this.blobs.completeParts(fileKey(session.id()), session.partsId(), session.partReceipts());
		Path file = Files.createTempFile("focus-racer-upload-", ".part");
		try {
			try (InputStream in = this.blobs.open(fileKey(session.id()))) {
				Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			if (Files.size(file) != session.sizeBytes()) {
				throw new IOException("Upload " + session.id() + ": the joined file has " + Files.size(file)
						+ " bytes, not " + session.sizeBytes());
			}
			return file;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * Deletes everything an upload left in the store: its parts (on S3, the multipart
	 * upload is aborted), its kept chunks, its joined file.
	 * @param session the upload
	 * @throws IOException when the store could not delete them all
	 */
	public void forget(UploadSession session) throws IOException {
		if (session.partsId() != null) {
			this.blobs.abortParts(fileKey(session.id()), session.partsId());
		}
		this.blobs.deleteUnder(prefix(session.id()));
	}

	/**
	 * Deletes chunks that went into a part; what this misses, {@link #forget} deletes.
	 * @param keys their keys
	 */
	public void deleteQuietly(List<String> keys) {
		for (String key : keys) {
			try {
				this.blobs.delete(key);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}, left for when its upload is forgotten: {}", key, ex.getMessage());
			}
		}
	}

	private void abortQuietly(UUID id, String partsId) {
		try {
			this.blobs.abortParts(fileKey(id), partsId);
		}
		catch (IOException ex) {
			log.warn("Upload {}: could not abort parts {}: {}", id, partsId, ex.getMessage());
		}
	}

	public static String prefix(UUID id) {
		return "uploads/" + id + "/";
	}

	public static String fileKey(UUID id) {
		return prefix(id) + "file";
	}

	static String pendingKey(UUID id, long start) {
		return prefix(id) + "pending-" + start;
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest = newDigest();
		try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
			Files.copy(file, out);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

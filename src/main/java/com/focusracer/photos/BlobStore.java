package com.focusracer.photos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where photo files live: the local disk by default, or an S3-compatible bucket. Keys are
 * slash-separated paths; a stored blob is complete or absent, never half-written.
 */
public interface BlobStore {

	/**
	 * Stores a file durably under a key; returns once the bytes would survive a crash.
	 * @param key the key
	 * @param source the file to store (left in place)
	 * @param sha256 the hex SHA-256 of the file, checked by stores that can
	 * @throws IOException when the bytes could not be made durable
	 */
	void put(String key, Path source, String sha256) throws IOException;

	/**
	 * Stores bytes durably under a key.
	 * @param key the key
	 * @param bytes the content
	 * @throws IOException when the bytes could not be made durable
	 */
	void put(String key, byte[] bytes) throws IOException;

	/**
	 * Opens a stored blob.
	 * @param key the key
	 * @return its content
	 * @throws IOException when it does not exist or cannot be read
	 */
	InputStream open(String key) throws IOException;

	boolean exists(String key) throws IOException;

	void delete(String key) throws IOException;

	/**
	 * Deletes every blob whose key starts with a prefix, parts included.
	 * @param prefix a folder of keys, ending with {@code /}
	 * @throws IOException when some could not be deleted
	 */
	void deleteUnder(String prefix) throws IOException;

	/**
	 * Starts a blob written in parts, possibly by different nodes: nothing is under the
	 * key until {@link #completeParts} joins them.
	 * @param key the key the blob will have
	 * @return what names these parts in the other calls (on S3, the multipart upload's
	 * id)
	 * @throws IOException when the store cannot start it
	 */
	String beginParts(String key) throws IOException;

	/**
	 * Stores one part durably. Storing a number again replaces the part.
	 * @param key the blob's key
	 * @param partsId what {@link #beginParts} returned
	 * @param number the part's number, from 1, in the order of the blob's bytes
	 * @param source the part's bytes (left in place)
	 * @param sha256 the hex SHA-256 of the part, checked by stores that can
	 * @return the receipt to hand to {@link #completeParts}
	 * @throws IOException when the part could not be made durable
	 */
	String putPart(String key, String partsId, int number, Path source, String sha256) throws IOException;

	/**
	 * Joins the parts into the blob and forgets them. Completing parts that were
	 * completed already leaves the blob as it is.
	 * @param key the blob's key
	 * @param partsId what {@link #beginParts} returned
	 * @param receipts what {@link #putPart} returned for each part, in order
	 * @throws IOException when the parts could not be joined
	 */
	void completeParts(String key, String partsId, java.util.List<String> receipts) throws IOException;

	/**
	 * Forgets parts that will not be completed; aborting parts already gone does nothing.
	 * @param key the blob's key
	 * @param partsId what {@link #beginParts} returned
	 * @throws IOException when the store could not forget them
	 */
	void abortParts(String key, String partsId) throws IOException;

	/**
	 * The fewest bytes a part but the last may have: S3 refuses to join smaller ones.
	 * @return the size in bytes
	 */
	default long minPartBytes() {
		return 1;
	}

}

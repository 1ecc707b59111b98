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

}

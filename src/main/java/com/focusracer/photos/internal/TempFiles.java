package com.focusracer.photos.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.photos.BlobStore;

/**
 * Stored files copied to a temporary file for the decoders that need a file, and those
 * files deleted after.
 */
final class TempFiles {

	private static final Logger log = LoggerFactory.getLogger(TempFiles.class);

	private TempFiles() {
	}

	/**
	 * Copies a stored file to a new temporary file; nothing is left behind when that
	 * fails.
	 * @param blobs the store
	 * @param key the file's key
	 * @param prefix the temporary file's name prefix
	 * @return the copy, for the caller to delete
	 * @throws IOException when the store or the disk fails
	 */
	static Path copy(BlobStore blobs, String key, String prefix) throws IOException {
		Path copy = Files.createTempFile(prefix, ".img");
		try (var in = blobs.open(key)) {
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(copy);
			throw ex;
		}
		return copy;
	}

	/**
	 * Deletes a temporary file, logging (not throwing) when that fails.
	 * @param path the file, or {@code null}
	 */
	static void deleteQuietly(Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				log.debug("Could not delete {}", path, ex);
			}
		}
	}

}

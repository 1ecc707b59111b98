package com.focusracer.photos.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.focusracer.photos.BlobStore;

/**
 * Blobs as files under one folder. A blob is written to a temporary file next to its
 * final place, forced to disk, then renamed atomically, and the folder itself is forced:
 * after {@link #put} returns, a crash leaves either the whole file or none.
 */
public class FileSystemBlobStore implements BlobStore {

	private final Path root;

	public FileSystemBlobStore(Path root) throws IOException {
		this.root = Files.createDirectories(root.toAbsolutePath().normalize());
		forgetInterruptedWrites();
	}

	/**
	 * Deletes temporary files left by writes that a crash interrupted. Only old ones: on
	 * a folder shared by several nodes, a fresh one may be another node's write in
	 * progress.
	 */
	private void forgetInterruptedWrites() throws IOException {
		java.time.Instant before = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
		try (java.util.stream.Stream<Path> files = Files.walk(this.root)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith(".incoming-")).toList()) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	@Override
	public void put(String key, Path source, String sha256) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".part");
		try {
			Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
			commit(temporary, target);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public void put(String key, byte[] bytes) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".part");
		try {
			Files.write(temporary, bytes);
			commit(temporary, target);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void commit(Path temporary, Path target) throws IOException {
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("The blob folder does not support atomic renames: " + target.getParent(), ex);
		}
		catch (FileAlreadyExistsException ex) {
			// Same key, same content (keys of originals are content hashes): nothing to
			// do.
		}
		forceDirectory(target.getParent());
	}

	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot open folders; the rename is still atomic there.
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(resolve(key));
	}

	@Override
	public boolean exists(String key) {
		return Files.exists(resolve(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || key.contains("..")) {
			throw new IllegalArgumentException("Invalid blob key: " + key);
		}
		return path;
	}

}

package com.focusracer.photos.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.focusracer.photos.BlobStore;

/**
 * Blobs as files under one folder. A blob is written to a temporary file next to its
 * final place, forced to disk, then renamed atomically, and the folder itself is forced:
 * after {@link #put} returns, a crash leaves either the whole file or none. Parts are
 * written the same way, into a folder beside the blob's place.
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

	@Override
	public void deleteUnder(String prefix) throws IOException {
		if (!prefix.endsWith("/") || prefix.contains("..")) {
			throw new IllegalArgumentException("Invalid blob prefix: " + prefix);
		}
		Path folder = resolve(prefix);
		if (folder.equals(this.root)) {
			throw new IllegalArgumentException("Invalid blob prefix: " + prefix);
		}
		deleteFolder(folder);
	}

	/**
	 * Parts are files in a folder beside the blob's place, each written as a blob is;
	 * completing them writes the blob from them, then deletes the folder.
	 */
	@Override
	public String beginParts(String key) throws IOException {
		String partsId = UUID.randomUUID().toString();
		Files.createDirectories(parts(key, partsId));
		forceDirectory(resolve(key).getParent());
		return partsId;
	}

	@Override
	public String putPart(String key, String partsId, int number, Path source, String sha256) throws IOException {
		Path folder = parts(key, partsId);
		if (!Files.isDirectory(folder)) {
			throw new NoSuchFileException(folder.toString(), null, "These parts were completed or aborted");
		}
		Path temporary = Files.createTempFile(folder, ".incoming-", ".part");
		try {
			Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
			commit(temporary, folder.resolve(partName(number)));
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		return number + ":" + Files.size(source);
	}

	@Override
	public void completeParts(String key, String partsId, List<String> receipts) throws IOException {
		Path target = resolve(key);
		Path folder = parts(key, partsId);
		if (!Files.isDirectory(folder)) {
			if (Files.exists(target)) {
				return;
			}
			throw new NoSuchFileException(folder.toString(), null, "These parts were aborted");
		}
		Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".part");
		try {
			try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				for (String receipt : receipts) {
					String[] fields = receipt.split(":");
					Path part = folder.resolve(partName(Integer.parseInt(fields[0])));
					if (Files.size(part) != Long.parseLong(fields[1])) {
						throw new IOException("Part " + part + " is not the one stored (" + receipt + ")");
					}
					try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
						long size = in.size();
						for (long done = 0; done < size;) {
							done += in.transferTo(done, size - done, out);
						}
					}
				}
			}
			commit(temporary, target);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		deleteFolder(folder);
	}

	@Override
	public void abortParts(String key, String partsId) throws IOException {
		deleteFolder(parts(key, partsId));
	}

	private Path parts(String key, String partsId) {
		Path target = resolve(key);
		return target.resolveSibling(target.getFileName() + ".parts-" + UUID.fromString(partsId));
	}

	private static String partName(int number) {
		if (number < 1) {
			throw new IllegalArgumentException("Parts are numbered from 1, not " + number);
		}
		return String.format("%05d", number);
	}

	private static void deleteFolder(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || key.contains("..")) {
			throw new IllegalArgumentException("Invalid blob key: " + key);
		}
		return path;
	}

}

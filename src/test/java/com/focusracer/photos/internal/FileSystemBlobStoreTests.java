package com.focusracer.photos.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Parts on the filesystem store: files beside the blob's place, in the folder every node
 * shares.
 */
class FileSystemBlobStoreTests {

	@TempDir
	Path root;

	@TempDir
	Path folder;

	@Test
	void joinsPartsInTheirOrderIntoTheBlobAndForgetsThem() throws Exception {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);
		String partsId = store.beginParts("uploads/u1/file");
		String first = store.putPart("uploads/u1/file", partsId, 1, file("a", "first-"), null);
		// Stored again (its answer was lost): replaced, not added.
		store.putPart("uploads/u1/file", partsId, 2, file("b", "wrong"), null);
		String second = store.putPart("uploads/u1/file", partsId, 2, file("c", "second"), null);
		assertThat(store.exists("uploads/u1/file")).isFalse();

		store.completeParts("uploads/u1/file", partsId, List.of(first, second));

		assertThat(read(store, "uploads/u1/file")).isEqualTo("first-second");
		try (var files = Files.list(this.root.resolve("uploads/u1"))) {
			assertThat(files.map((f) -> f.getFileName().toString())).containsExactly("file");
		}
		// Completing again (the node died before it recorded that it had) changes
		// nothing.
		store.completeParts("uploads/u1/file", partsId, List.of(first, second));
		assertThat(read(store, "uploads/u1/file")).isEqualTo("first-second");
		assertThatIOException().isThrownBy(() -> store.putPart("uploads/u1/file", partsId, 3, file("d", "x"), null));
	}

	@Test
	void refusesAReceiptOfAnotherPart() throws Exception {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);
		String partsId = store.beginParts("uploads/u2/file");
		String receipt = store.putPart("uploads/u2/file", partsId, 1, file("a", "abc"), null);
		store.putPart("uploads/u2/file", partsId, 1, file("b", "abcd"), null);
		assertThatIOException().isThrownBy(() -> store.completeParts("uploads/u2/file", partsId, List.of(receipt)));
		assertThat(store.exists("uploads/u2/file")).isFalse();
	}

	@Test
	void abortsPartsAndDeletesEverythingUnderAPrefix() throws Exception {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);
		String partsId = store.beginParts("uploads/u3/file");
		String receipt = store.putPart("uploads/u3/file", partsId, 1, file("a", "abc"), null);
		store.put("uploads/u3/pending-3", "def".getBytes());
		store.put("uploads/u4/pending-0", "other".getBytes());

		store.abortParts("uploads/u3/file", partsId);
		store.abortParts("uploads/u3/file", partsId);
		assertThatIOException().isThrownBy(() -> store.completeParts("uploads/u3/file", partsId, List.of(receipt)));
		store.deleteUnder("uploads/u3/");

		assertThat(this.root.resolve("uploads/u3")).doesNotExist();
		assertThat(store.exists("uploads/u4/pending-0")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> store.deleteUnder("uploads"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.deleteUnder("/"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.deleteUnder("uploads/../../"));
	}

	private Path file(String name, String content) throws Exception {
		return Files.writeString(this.folder.resolve(name), content);
	}

	private static String read(FileSystemBlobStore store, String key) throws Exception {
		try (InputStream in = store.open(key)) {
			return new String(in.readAllBytes());
		}
	}

}

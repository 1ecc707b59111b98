package com.focusracer.photos.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.focusracer.photos.Photos;
import com.focusracer.photos.S3Mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The S3 store against a real S3-protocol server.
 */
class S3BlobStoreIntegrationTests {

	@TempDir
	Path folder;

	@Test
	void storesReadsAndDeletesBlobs() throws Exception {
		try (S3BlobStore store = new S3BlobStore(S3Mock.properties())) {
			byte[] photo = Photos.aFinishLinePhoto();
			Path file = this.folder.resolve("photo.jpg");
			Files.write(file, photo);
			String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
			store.put("originals/e1/" + sha + ".jpg", file, sha);
			assertThat(store.exists("originals/e1/" + sha + ".jpg")).isTrue();
			try (InputStream in = store.open("originals/e1/" + sha + ".jpg")) {
				assertThat(in.readAllBytes()).isEqualTo(photo);
			}
			store.put("previews/e1/p.jpg", new byte[] { 1, 2, 3 });
			try (InputStream in = store.open("previews/e1/p.jpg")) {
				assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
			}
			store.delete("originals/e1/" + sha + ".jpg");
			assertThat(store.exists("originals/e1/" + sha + ".jpg")).isFalse();
			assertThatIOException().isThrownBy(() -> store.open("originals/e1/" + sha + ".jpg"));
		}
	}

	@Test
	void refusesBytesThatDoNotMatchTheirChecksum() throws Exception {
		try (S3BlobStore store = new S3BlobStore(S3Mock.properties())) {
			Path file = this.folder.resolve("photo.jpg");
			Files.write(file, Photos.aFinishLinePhoto());
			String wrong = "00".repeat(32);
			assertThatIOException().isThrownBy(() -> store.put("originals/e2/x.jpg", file, wrong));
			assertThat(store.exists("originals/e2/x.jpg")).isFalse();
		}
	}

}

package com.focusracer.photos.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.focusracer.photos.Photos;
import com.focusracer.photos.S3Mock;
import software.amazon.awssdk.services.s3.S3Client;

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
	void joinsTheChecksummedPartsOfAMultipartUpload() throws Exception {
		try (S3BlobStore store = new S3BlobStore(S3Mock.properties()); S3Client s3 = S3Mock.client()) {
			byte[] first = random(store.minPartBytes(), 1);
			byte[] last = random(1000, 2);
			String partsId = store.beginParts("uploads/m1/file");
			assertThat(S3Mock.multipartUploads(s3, "uploads/m1/")).containsExactly(partsId);
			String one = store.putPart("uploads/m1/file", partsId, 1, write("1", first), sha256(first));
			String two = store.putPart("uploads/m1/file", partsId, 2, write("2", last), sha256(last));
			assertThat(store.exists("uploads/m1/file")).isFalse();

			store.completeParts("uploads/m1/file", partsId, List.of(one, two));

			try (InputStream in = store.open("uploads/m1/file")) {
				byte[] joined = in.readAllBytes();
				assertThat(joined).hasSize(first.length + last.length);
				assertThat(Arrays.copyOfRange(joined, first.length, joined.length)).isEqualTo(last);
				assertThat(sha256(joined)).isEqualTo(sha256(concat(first, last)));
			}
			assertThat(S3Mock.multipartUploads(s3, "uploads/m1/")).isEmpty();
			// Completing again (the node died before it recorded that it had) is no
			// error.
			store.completeParts("uploads/m1/file", partsId, List.of(one, two));
			store.put("uploads/m1/pending-0", new byte[] { 1 });
			store.deleteUnder("uploads/m1/");
			assertThat(store.exists("uploads/m1/file")).isFalse();
			assertThat(store.exists("uploads/m1/pending-0")).isFalse();
		}
	}

	@Test
	void refusesAPartThatDoesNotMatchItsChecksum() throws Exception {
		try (S3BlobStore store = new S3BlobStore(S3Mock.properties()); S3Client s3 = S3Mock.client()) {
			String partsId = store.beginParts("uploads/m2/file");
			Path part = write("p", new byte[] { 1, 2, 3 });
			assertThatIOException()
				.isThrownBy(() -> store.putPart("uploads/m2/file", partsId, 1, part, "00".repeat(32)));
			store.abortParts("uploads/m2/file", partsId);
			store.abortParts("uploads/m2/file", partsId);
			assertThat(S3Mock.multipartUploads(s3, "uploads/m2/")).isEmpty();
		}
	}

	@Test
	void refusesToJoinAPartUnderTheMinimumButTheLast() throws Exception {
		try (S3BlobStore store = new S3BlobStore(S3Mock.properties())) {
			byte[] small = random(1000, 3);
			String partsId = store.beginParts("uploads/m3/file");
			String one = store.putPart("uploads/m3/file", partsId, 1, write("1", small), sha256(small));
			String two = store.putPart("uploads/m3/file", partsId, 2, write("2", small), sha256(small));
			assertThatIOException()
				.isThrownBy(() -> store.completeParts("uploads/m3/file", partsId, List.of(one, two)));
			store.abortParts("uploads/m3/file", partsId);
		}
	}

	private Path write(String name, byte[] bytes) throws Exception {
		return Files.write(this.folder.resolve(name), bytes);
	}

	private static byte[] random(long size, long seed) {
		byte[] bytes = new byte[(int) size];
		new java.util.Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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

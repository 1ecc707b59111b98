package com.focusracer.shop.internal;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the download key: the new key signs, links and order keys made with the
 * previous one keep opening until it is taken out of the list, and a wrong key is said so
 * at start with how to make a right one.
 */
class DownloadKeysTests {

	static final String OLD = Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key-!".getBytes());

	static final String NEW = Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key-!".getBytes());

	static final UUID ORDER = UUID.fromString("084a533d-0000-4000-8000-000000000001");

	static final UUID PHOTO = UUID.fromString("084a533d-0000-4000-8000-000000000002");

	@Test
	void afterARotationTheNewKeySignsAndWhatTheOldKeySignedStillOpens() {
		DownloadKeys before = DownloadKeys.fromBase64(List.of(OLD));
		DownloadKeys after = DownloadKeys.fromBase64(List.of(NEW, OLD));
		String oldLink = before.linkSignature(ORDER, PHOTO, 1_900_000_000L);
		String oldZip = before.linkSignature(ORDER, null, 1_900_000_000L);
		String oldOrderKey = before.orderKey(ORDER);

		assertThat(after.linkSigned(ORDER, PHOTO, 1_900_000_000L, oldLink)).isTrue();
		assertThat(after.linkSigned(ORDER, null, 1_900_000_000L, oldZip)).isTrue();
		assertThat(after.orderKeyOpens(ORDER, oldOrderKey)).isTrue();
		assertThat(after.linkSignature(ORDER, PHOTO, 1_900_000_000L)).as("signed with the new key")
			.isNotEqualTo(oldLink)
			.isEqualTo(DownloadKeys.fromBase64(List.of(NEW)).linkSignature(ORDER, PHOTO, 1_900_000_000L));

		// Once the old key is taken out, what it signed stops opening.
		DownloadKeys retired = DownloadKeys.fromBase64(List.of(NEW));
		assertThat(retired.linkSigned(ORDER, PHOTO, 1_900_000_000L, oldLink)).isFalse();
		assertThat(retired.orderKeyOpens(ORDER, oldOrderKey)).isFalse();
	}

	@Test
	void aSignatureOpensOnlyItsOwnOrderPhotoAndEnd() {
		DownloadKeys keys = DownloadKeys.fromBase64(List.of(NEW, OLD));
		String link = keys.linkSignature(ORDER, PHOTO, 1_900_000_000L);
		assertThat(keys.linkSigned(ORDER, PHOTO, 1_900_000_001L, link)).as("another end").isFalse();
		assertThat(keys.linkSigned(ORDER, null, 1_900_000_000L, link)).as("the ZIP").isFalse();
		assertThat(keys.linkSigned(PHOTO, PHOTO, 1_900_000_000L, link)).as("another order").isFalse();
		assertThat(keys.linkSigned(ORDER, PHOTO, 1_900_000_000L, null)).isFalse();
		assertThat(keys.orderKeyOpens(ORDER, link)).isFalse();
	}

	@Test
	void aKeyThatIsNotBase64OfThirtyTwoBytesStopsTheStartAndSaysHowToMakeOne() {
		String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatThrownBy(() -> DownloadKeys.fromBase64(List.of(NEW, tooShort)))
			.hasMessageContaining("focusracer.shop.download-keys: entry 2")
			.hasMessageContaining("openssl rand -base64 32");
		assertThatThrownBy(() -> DownloadKeys.fromBase64(List.of("not base64 at all!")))
			.hasMessageContaining("entry 1");
		// URL-safe Base64 is read too.
		String urlSafe = Base64.getUrlEncoder()
			.encodeToString(new byte[] { -5, -1, -2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
					20, 21, 22, 23, 24, 25, 26, 27, 28, 29 });
		assertThat(DownloadKeys.fromBase64(List.of(urlSafe)).orderKey(ORDER)).isNotBlank();
	}

}

package com.focusracer.photos.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.photos.PhotoProgressed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photo's progress travels between nodes as a short JSON text.
 */
class ProgressNoticesTests {

	private final UUID event = UUID.randomUUID();

	private final UUID photo = UUID.randomUUID();

	@Test
	void aNoticeReadsBackAsTheProgressItCarries() {
		PhotoProgressed progressed = new PhotoProgressed(this.event, this.photo, "IMG_0042 « arrivée ».JPG",
				"failed:fichier illisible");
		assertThat(ProgressNotices.read(ProgressNotices.payload(progressed))).contains(progressed);
	}

	@Test
	void aFileNameTooLongForPostgresqlIsShortenedOnWholeCharacters() {
		String name = "\\\"".repeat(50) + "é".repeat(3000) + "😀".repeat(1000) + ".jpg";
		String payload = ProgressNotices.payload(new PhotoProgressed(this.event, this.photo, name, "derive"));
		assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(ProgressNotices.MAX_PAYLOAD_BYTES)
			.isGreaterThan(ProgressNotices.MAX_PAYLOAD_BYTES - 10);
		PhotoProgressed read = ProgressNotices.read(payload).orElseThrow();
		assertThat(read.eventId()).isEqualTo(this.event);
		assertThat(read.photoId()).isEqualTo(this.photo);
		assertThat(read.stage()).isEqualTo("derive");
		assertThat(read.fileName()).startsWith("\\\"\\\"").contains("é😀").endsWith("…").doesNotContain("\uFFFD");
		assertThat(name).startsWith(read.fileName().substring(0, read.fileName().length() - 1));
	}

	@Test
	void aNameThatFitsIsKeptWhole() {
		String name = "x".repeat(7000) + ".jpg";
		assertThat(ProgressNotices
			.read(ProgressNotices.payload(new PhotoProgressed(this.event, this.photo, name, "derive")))).get()
			.extracting(PhotoProgressed::fileName)
			.isEqualTo(name);
	}

	@Test
	void otherTextsOnTheChannelAreIgnored() {
		assertThat(ProgressNotices.read("hello")).isEmpty();
		assertThat(ProgressNotices.read("{\"photoId\":\"" + this.photo + "\"}")).isEmpty();
	}

}

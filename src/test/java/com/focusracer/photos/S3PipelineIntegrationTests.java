package com.focusracer.photos;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.photos.internal.S3BlobStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code focusracer.photos.storage=s3}, the whole pipeline keeps its files in the
 * bucket.
 */
@SpringBootTest
class S3PipelineIntegrationTests {

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) throws Exception {
		S3Properties s3 = S3Mock.properties();
		registry.add("focusracer.photos.storage", () -> "s3");
		registry.add("focusracer.photos.s3.endpoint", () -> s3.endpoint().toString());
		registry.add("focusracer.photos.s3.region", s3::region);
		registry.add("focusracer.photos.s3.bucket", s3::bucket);
		registry.add("focusracer.photos.s3.path-style", () -> "true");
		registry.add("focusracer.photos.s3.access-key", s3::accessKey);
		registry.add("focusracer.photos.s3.secret-key", s3::secretKey);
	}

	@Autowired
	PhotoManagement photos;

	@Autowired
	BlobStore blobs;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@TempDir
	Path folder;

	@Test
	void storesOriginalsAndDerivativesInTheBucket() throws Exception {
		assertThat(this.blobs).isInstanceOf(S3BlobStore.class);
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		Path file = this.folder.resolve("IMG_9000.JPG");
		byte[] bytes = Photos.aFinishLinePhoto();
		Files.write(file, bytes);
		UploadOutcome outcome = this.photos.accept(event.id(), photographer.id(), "IMG_9000.JPG", file);
		assertThat(outcome.outcome()).isEqualTo(UploadOutcome.Outcome.ACCEPTED);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.photos.counts(event.id())).containsEntry("PUBLISHED", 1L));
		Photo photo = this.photos.find(outcome.photoId(), photographer.id()).orElseThrow();
		assertThat(this.blobs.exists("originals/" + event.id() + "/" + photo.id() + ".jpg")).isTrue();
		try (InputStream preview = this.photos.openDerivative(photo.id(), photographer.id(), "preview").orElseThrow()) {
			assertThat(javax.imageio.ImageIO.read(preview).getWidth()).isEqualTo(480);
		}
	}

}

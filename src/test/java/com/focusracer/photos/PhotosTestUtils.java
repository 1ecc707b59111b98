package com.focusracer.photos;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Photos taken through the real pipeline until they are published.
 */
@Component
public class PhotosTestUtils {

	private final PhotoManagement photos;

	private final JdbcClient jdbc;

	PhotosTestUtils(PhotoManagement photos, JdbcClient jdbc) {
		this.photos = photos;
		this.jdbc = jdbc;
	}

	/**
	 * Uploads pictures as JPEGs and waits until the pipeline has published each.
	 * @param eventId the event
	 * @param uploaderId its owner or one of its photographers
	 * @param images the pictures
	 * @return the photos' ids, in the pictures' order
	 * @throws Exception when a file cannot be written
	 */
	public List<UUID> publish(UUID eventId, UUID uploaderId, BufferedImage... images) throws Exception {
		Path folder = Files.createTempDirectory("test-photos");
		List<UUID> ids = new ArrayList<>();
		for (BufferedImage image : images) {
			Path file = folder.resolve(UUID.randomUUID() + ".jpg");
			Files.write(file, Photos.jpeg(image));
			ids.add(this.photos.accept(eventId, uploaderId, file.getFileName().toString(), file).photoId());
			Files.delete(file);
		}
		Files.delete(folder);
		awaitIdle(ids);
		return ids;
	}

	/**
	 * Waits until no job is left for some photos and each is published.
	 * @param ids the photos
	 */
	public void awaitIdle(List<UUID> ids) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			assertThat(this.jdbc.sql("select count(*) from scheduled_tasks where task_instance in (:ids)")
				.param("ids", ids.stream().map(UUID::toString).toList())
				.query(Long.class)
				.single()).isZero();
			assertThat(this.jdbc.sql("select count(*) from photo where id in (:ids) and status = 'PUBLISHED'")
				.param("ids", ids)
				.query(Long.class)
				.single()).isEqualTo(ids.size());
			// ... and what their publication triggers elsewhere (alerts) has run.
			for (UUID id : ids) {
				assertThat(this.jdbc.sql(
						"select count(*) from event_publication where completion_date is null and serialized_event like ?")
					.param("%" + id + "%")
					.query(Long.class)
					.single()).isZero();
			}
		});
	}

}

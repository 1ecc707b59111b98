package com.focusracer.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoPublished;
import com.focusracer.shop.ShopTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time from upload to gallery is exact: the pipeline tells when a photo was uploaded and
 * first published, the dashboard's p50 / p95 are those of the photos (to the second), and
 * an event's quality view reads each photo's first publication, whatever changed since.
 */
@SpringBootTest
class GalleryTimesIntegrationTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	Measurement measurement;

	@Autowired
	Counters counters;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	PhotoManagement photos;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDashboardsPercentilesAreThoseOfThePhotos() {
		// A day no other test publishes on.
		LocalDate day = LocalDate.now(PARIS).minusDays(5000 + (int) (Math.random() * 1000));
		Instant noon = day.atTime(12, 0).atZone(PARIS).toInstant();
		UUID eventId = UUID.randomUUID();
		for (int seconds = 1; seconds <= 20; seconds++) {
			this.measurement.on(new PhotoPublished(eventId, UUID.randomUUID(), noon.minusSeconds(seconds), noon));
		}
		// The listener is asynchronous.
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select coalesce(sum(count), 0) from analytics_gallery_second where day = ?")
				.param(java.sql.Date.valueOf(day))
				.query(Long.class)
				.single() == 20);
		// Ranks 10 and 19 of 20 (nearest rank): 10 s and 19 s exactly (buckets said 11 s
		// and 22 s).
		assertThat(this.counters.galleryTimes(day, day)).containsExactly(10, 19);
		assertThat(this.counters.galleryTimes(day.minusDays(1), day.minusDays(1))).isNull();
	}

	@Test
	void anEventsQualityViewReadsEachPhotosFirstPublication() throws Exception {
		AccountsTestUtils.TestAccount owner = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(owner, "Temps");
		List.copyOf(this.shop.publish(event, owner, ShopTestUtils.runners("12", 3)).keySet());
		List<Duration> times = this.jdbc
			.sql("select extract(epoch from published_at - created_at) from photo where event_id = ? order by 1")
			.param(event.id())
			.query((rs, n) -> Duration.ofMillis(Math.round(rs.getDouble(1) * 1000)))
			.list();
		assertThat(times).hasSize(3);
		assertThat(this.photos.galleryTimes(event.id()).median()).isEqualTo(times.get(1));
		assertThat(this.photos.galleryTimes(event.id()).p95()).isEqualTo(times.get(2));
		// A later change to the photos (a re-process, an edit) is not their arrival.
		this.jdbc.sql("update photo set updated_at = updated_at + interval '3 hours' where event_id = ?")
			.param(event.id())
			.update();
		assertThat(this.photos.galleryTimes(event.id()).median()).isEqualTo(times.get(1));
	}

}

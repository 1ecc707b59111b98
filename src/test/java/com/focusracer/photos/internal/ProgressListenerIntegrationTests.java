package com.focusracer.photos.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.photos.PhotoProgressAnnounced;
import com.focusracer.photos.PhotoProgressed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each node hears every photo's progress through PostgreSQL on a connection of its own,
 * which it opens again when it is cut.
 */
@SpringBootTest
class ProgressListenerIntegrationTests {

	@Autowired
	ProgressListener listener;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private final List<PhotoProgressed> heard = new CopyOnWriteArrayList<>();

	private final ApplicationListener<ApplicationEvent> ear = (event) -> {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof PhotoProgressAnnounced announced) {
			this.heard.add(announced.progress());
		}
	};

	@BeforeEach
	void listen() {
		this.context.addApplicationListener(this.ear);
	}

	@AfterEach
	void stopListening() {
		this.context.removeApplicationListener(this.ear);
	}

	@Test
	void theNodeThatRanAStageHearsItOnceFromTheDatabase() {
		PhotoProgressed progressed = progress("IMG_0001.JPG");
		PhotoProgressed marker = progress("IMG_0002.JPG");
		this.context.publishEvent(progressed);
		this.context.publishEvent(marker);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.heard.contains(marker));
		assertThat(this.heard).filteredOn((p) -> p.photoId().equals(progressed.photoId())).containsExactly(progressed);
	}

	@Test
	void aFileNameTooLongForANoticeTravelsShortened() {
		PhotoProgressed progressed = progress("IMG_".repeat(5000) + ".JPG");
		this.context.publishEvent(progressed);
		PhotoProgressed heard = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.heard.stream().filter((p) -> p.photoId().equals(progressed.photoId())).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(heard.fileName()).startsWith("IMG_IMG_").endsWith("…");
		assertThat(heard.stage()).isEqualTo("derive");
	}

	@Test
	void theListenerConnectsAgainAfterItsConnectionIsKilledAndHearsAgain() {
		int pid = this.listener.pid();
		assertThat(pid).isPositive();
		// Its own connection, not one of the pool's.
		assertThat(this.jdbc.sql("select application_name from pg_stat_activity where pid = ?")
			.param(pid)
			.query(String.class)
			.single()).isEqualTo(ProgressListener.APPLICATION_NAME);
		PhotoProgressed before = progress("IMG_0003.JPG");
		this.context.publishEvent(before);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.heard.contains(before));

		assertThat(this.jdbc.sql("select pg_terminate_backend(?)").param(pid).query(Boolean.class).single()).isTrue();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.listener.pid() > 0 && this.listener.pid() != pid);
		PhotoProgressed after = progress("IMG_0004.JPG");
		this.context.publishEvent(after);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.heard.contains(after));
		assertThat(this.jdbc.sql("select count(*) from pg_stat_activity where pid = ?")
			.param(pid)
			.query(Long.class)
			.single()).isZero();
	}

	private static PhotoProgressed progress(String fileName) {
		return new PhotoProgressed(UUID.randomUUID(), UUID.randomUUID(), fileName, "derive");
	}

}

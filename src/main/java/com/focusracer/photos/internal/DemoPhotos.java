package com.focusracer.photos.internal;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.photos.PhotoManagement;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A handful of drawn photos for the demo event of {@code mvn spring-boot:run}, runners of
 * its start list with their bibs, sent by the demo photographer through the real
 * pipeline: on a first start the gallery, the bib search and the shop have something to
 * show.
 */
@Component
@Profile("demo")
class DemoPhotos {

	private static final Logger log = LoggerFactory.getLogger(DemoPhotos.class);

	/** Bibs of the demo start list; 1975 on two photos. */
	private static final List<String> BIBS = List.of("1975", "1975", "42", "7", "1203", "88");

	private static final List<Color> SHIRTS = List.of(new Color(30, 60, 170), new Color(30, 60, 170),
			new Color(200, 40, 40), new Color(20, 130, 80), new Color(230, 150, 20), new Color(110, 40, 150));

	private final AccountManagement accounts;

	private final EventManagement events;

	private final PhotoManagement photos;

	DemoPhotos(AccountManagement accounts, EventManagement events, PhotoManagement photos) {
		this.accounts = accounts;
		this.events = events;
		this.photos = photos;
	}

	@EventListener(ApplicationReadyEvent.class)
	// After the demo event, which these photos go to.
	@Order(Ordered.LOWEST_PRECEDENCE - 5)
	void send() throws Exception {
		var organizer = this.accounts.findByEmail("orga@test.com").orElse(null);
		var photographer = this.accounts.findByEmail("photographe@test.com").orElse(null);
		if (organizer == null || photographer == null) {
			return;
		}
		Event demo = this.events.forAccount(organizer.id(), false)
			.stream()
			.filter((event) -> event.ownerId().equals(organizer.id()) && event.name().endsWith("(démo)"))
			.findFirst()
			.orElse(null);
		if (demo == null || this.photos.counts(demo.id()).values().stream().mapToLong(Long::longValue).sum() > 0) {
			return;
		}
		Path folder = Files.createTempDirectory("demo-photos");
		try {
			for (int i = 0; i < BIBS.size(); i++) {
				Path file = folder.resolve(String.format("DEMO_%02d.jpg", i + 1));
				ImageIO.write(DrawnRunner.draw(1800, 1200, BIBS.get(i), SHIRTS.get(i), i + 1), "jpeg", file.toFile());
				this.photos.accept(demo.id(), photographer.id(), file.getFileName().toString(), file);
				Files.delete(file);
			}
		}
		finally {
			Files.deleteIfExists(folder);
		}
		log.info("Demo photos sent to {}: {} runners of its start list", demo.name(), BIBS.size());
	}

}

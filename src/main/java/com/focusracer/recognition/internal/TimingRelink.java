package com.focusracer.recognition.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.recognition.RecognitionProperties;
import com.focusracer.timing.TimingSync;
import com.focusracer.timing.TimingUpdated;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Links again, once an event's timing changed, its photos without a bib of their own
 * (they may now get a {@code TIMING} link or suggestions).
 */
@Component
class TimingRelink {

	private static final Logger logger = LoggerFactory.getLogger(TimingRelink.class);

	private final Linker linker;

	private final PhotoManagement photos;

	private final RecognitionRepository repository;

	private final TimingSync timing;

	private final RecognitionProperties properties;

	TimingRelink(Linker linker, @Lazy PhotoManagement photos, RecognitionRepository repository, TimingSync timing,
			RecognitionProperties properties) {
		this.linker = linker;
		this.photos = photos;
		this.repository = repository;
		this.timing = timing;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(TimingUpdated updated) {
		relink(updated.eventId());
	}

	/**
	 * Links the event's photos without a bib of their own again.
	 * @param eventId the event
	 * @return how many photos were linked again
	 */
	int relink(UUID eventId) {
		this.timing.forget(eventId);
		List<Photo> all = this.photos.ofEvent(eventId);
		Map<UUID, List<RecognitionRepository.StoredLink>> links = this.repository
			.links(all.stream().map(Photo::id).toList());
		int count = 0;
		for (Photo photo : all) {
			boolean seen = links.getOrDefault(photo.id(), List.of())
				.stream()
				.anyMatch((l) -> l.source().equals("OCR") || l.source().equals("MANUAL"));
			if (!seen) {
				this.linker.link(photo, this.photos.takenAround(photo, this.properties.burstWindow()));
				count++;
			}
		}
		logger.info("Timing of event {} changed: {} photos without a bib linked again", eventId, count);
		return count;
	}

}

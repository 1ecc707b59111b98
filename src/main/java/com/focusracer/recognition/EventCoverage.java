package com.focusracer.recognition;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.recognition.internal.RecognitionRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coverage figures of an event, for its team: how many published photos are linked to
 * a runner, how many start-list runners have a photo.
 */
@Service
public class EventCoverage {

	private final RecognitionRepository repository;

	private final PhotoManagement photos;

	private final EventManagement events;

	private final StartLists startLists;

	EventCoverage(RecognitionRepository repository, PhotoManagement photos, EventManagement events,
			StartLists startLists) {
		this.repository = repository;
		this.photos = photos;
		this.events = events;
		this.startLists = startLists;
	}

	/**
	 * The coverage of an event the caller works on.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer of the event)
	 * @return the figures
	 * @throws EventNotFoundException when the caller does not work on the event
	 */
	@Transactional(readOnly = true)
	public Coverage of(UUID eventId, UUID accountId) {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		Set<UUID> published = this.photos.publishedIds(eventId);
		Set<UUID> linked = this.repository.linkedPhotos(eventId);
		long linkedPublished = linked.stream().filter(published::contains).count();
		Set<String> runners = this.startLists.runnersOf(eventId).stream().map(Runner::bib).collect(Collectors.toSet());
		Set<String> bibs = this.repository.linkedBibs(eventId);
		long runnersWithPhotos = runners.stream().filter(bibs::contains).count();
		return new Coverage(published.size(), linkedPublished, published.size() - linkedPublished, runners.size(),
				runnersWithPhotos);
	}

}

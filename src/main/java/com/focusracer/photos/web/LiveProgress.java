package com.focusracer.photos.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.photos.PhotoLabels;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoProgressAnnounced;
import com.focusracer.photos.PhotoProgressed;
import com.focusracer.shared.web.LiveStreams;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes each photo's progress and the event's counters to the team pages watching the
 * event, as Server-Sent Events. The news comes from the database
 * ({@link PhotoProgressAnnounced}): the watchers connected to any node get it, whatever
 * node ran the stage, once. The streams count against the cap per address
 * ({@link LiveStreams}).
 */
@Component
class LiveProgress {

	private final Map<UUID, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

	private final PhotoManagement photos;

	private final ObjectProvider<PhotoLabels> labels;

	private final LiveStreams streams;

	LiveProgress(PhotoManagement photos, ObjectProvider<PhotoLabels> labels, LiveStreams streams) {
		this.photos = photos;
		this.labels = labels;
		this.streams = streams;
	}

	SseEmitter watch(UUID eventId, HttpServletRequest request) {
		SseEmitter emitter = this.streams.open(request);
		Set<SseEmitter> set = this.watchers.computeIfAbsent(eventId, (id) -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		emitter.onCompletion(() -> set.remove(emitter));
		emitter.onTimeout(() -> set.remove(emitter));
		emitter.onError((ex) -> set.remove(emitter));
		send(emitter, "counts", this.photos.counts(eventId));
		return emitter;
	}

	@EventListener
	void on(PhotoProgressAnnounced announced) {
		PhotoProgressed progressed = announced.progress();
		Set<SseEmitter> set = this.watchers.get(progressed.eventId());
		if (set == null || set.isEmpty()) {
			return;
		}
		Map<String, Object> photo = new java.util.HashMap<>(Map.of("photoId", progressed.photoId().toString(),
				"fileName", progressed.fileName(), "stage", progressed.stage()));
		PhotoLabels photoLabels = this.labels.getIfAvailable();
		if ("published".equals(progressed.stage()) && photoLabels != null) {
			// The photographer sees at once which runners were recognised.
			photo.put("bibs",
					photoLabels.bibs(List.of(progressed.photoId())).getOrDefault(progressed.photoId(), List.of()));
			// ... and which numbers it read that the start list lacks (never silent).
			photo.put("unlisted", photoLabels.unlistedReads(List.of(progressed.photoId()))
				.getOrDefault(progressed.photoId(), List.of()));
		}
		Map<String, Long> counts = this.photos.counts(progressed.eventId());
		for (SseEmitter emitter : set) {
			if (send(emitter, "photo", photo)) {
				send(emitter, "counts", counts);
			}
			else {
				set.remove(emitter);
			}
		}
	}

	private boolean send(SseEmitter emitter, String name, Object data) {
		return this.streams.send(emitter, SseEmitter.event().name(name).data(data));
	}

}

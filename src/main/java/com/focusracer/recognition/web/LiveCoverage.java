package com.focusracer.recognition.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.photos.PhotoLabels;
import com.focusracer.photos.PhotoProgressAnnounced;
import com.focusracer.photos.PhotoProgressed;
import com.focusracer.recognition.Coverage;
import com.focusracer.recognition.EventCoverage;
import com.focusracer.shared.web.LiveStreams;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The coverage board's live news, as Server-Sent Events: each published photo's runners
 * (whom the board stops listing as missing), or the photo itself when it shows nobody (an
 * orphan), and the new figures. The news comes from the database
 * ({@link PhotoProgressAnnounced}), so watchers on every node get it; the streams count
 * against the cap per address ({@link LiveStreams}).
 */
@RestController
class LiveCoverage {

	private final Map<UUID, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

	private final EventCoverage coverage;

	private final PhotoLabels labels;

	private final LiveStreams streams;

	LiveCoverage(EventCoverage coverage, PhotoLabels labels, LiveStreams streams) {
		this.coverage = coverage;
		this.labels = labels;
		this.streams = streams;
	}

	@GetMapping(path = "/pro/events/{id}/coverage/live", produces = "text/event-stream")
	SseEmitter watch(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			HttpServletRequest request) {
		Coverage figures = this.coverage.of(id, principal.id());
		SseEmitter emitter = this.streams.open(request);
		Set<SseEmitter> set = this.watchers.computeIfAbsent(id, (key) -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		emitter.onCompletion(() -> set.remove(emitter));
		emitter.onTimeout(() -> set.remove(emitter));
		emitter.onError((ex) -> set.remove(emitter));
		this.streams.send(emitter, SseEmitter.event().name("figures").data(CoverageFigures.of(figures)));
		return emitter;
	}

	@EventListener
	void on(PhotoProgressAnnounced announced) {
		PhotoProgressed progressed = announced.progress();
		if (!"published".equals(progressed.stage())) {
			return;
		}
		Set<SseEmitter> set = this.watchers.get(progressed.eventId());
		if (set == null || set.isEmpty()) {
			return;
		}
		List<String> bibs = this.labels.bibs(List.of(progressed.photoId()))
			.getOrDefault(progressed.photoId(), List.of());
		Map<String, Object> photo = new HashMap<>();
		photo.put("photoId", progressed.photoId().toString());
		photo.put("fileName", progressed.fileName());
		photo.put("bibs", bibs);
		Map<String, Object> figures = CoverageFigures.of(this.coverage.figuresOf(progressed.eventId()));
		for (SseEmitter emitter : set) {
			if (!this.streams.send(emitter, SseEmitter.event().name("photo").data(photo))
					|| !this.streams.send(emitter, SseEmitter.event().name("figures").data(figures))) {
				set.remove(emitter);
			}
		}
	}

	/** Forgets the events nobody watches any more. */
	@Scheduled(fixedDelay = 60_000)
	void forgetUnwatched() {
		this.watchers.values().removeIf(Set::isEmpty);
	}

}

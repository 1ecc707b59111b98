package com.focusracer.gallery.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.gallery.Gallery;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoProgressAnnounced;
import com.focusracer.photos.PhotoProgressed;
import com.focusracer.shared.web.LiveStreams;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live gallery: a runner's open search results get, as Server-Sent Events, each of
 * their photos as soon as it is published, on whatever node they are connected (the news
 * comes from the database, {@link PhotoProgressAnnounced}). Only for bibs of the event,
 * and within the cap on streams per address ({@link LiveStreams}).
 */
@RestController
class LiveGallery {

	private record Key(UUID eventId, String bib) {
	}

	private final Map<Key, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

	private final Gallery gallery;

	private final LiveStreams streams;

	LiveGallery(Gallery gallery, LiveStreams streams) {
		this.gallery = gallery;
		this.streams = streams;
	}

	@GetMapping(path = "/events/{slug}/live", produces = "text/event-stream")
	SseEmitter watch(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@RequestParam String bib, HttpServletRequest request) {
		Event event = this.gallery.event(slug, (principal != null) ? principal.id() : null)
			.orElseThrow(EventNotFoundException::new);
		String clean = bib.strip().toUpperCase(java.util.Locale.ROOT);
		if (!this.gallery.isBibOf(event, clean)) {
			throw new EventNotFoundException();
		}
		SseEmitter emitter = this.streams.open(request);
		Set<SseEmitter> set = this.watchers.computeIfAbsent(new Key(event.id(), clean),
				(key) -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		emitter.onCompletion(() -> set.remove(emitter));
		emitter.onTimeout(() -> set.remove(emitter));
		emitter.onError((ex) -> set.remove(emitter));
		this.streams.send(emitter, SseEmitter.event().comment("watching"));
		return emitter;
	}

	@EventListener
	void on(PhotoProgressAnnounced announced) {
		PhotoProgressed progressed = announced.progress();
		if (!"published".equals(progressed.stage()) || this.watchers.isEmpty()) {
			return;
		}
		List<Map.Entry<Key, Set<SseEmitter>>> interested = this.watchers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().eventId().equals(progressed.eventId()) && !entry.getValue().isEmpty())
			.toList();
		if (interested.isEmpty()) {
			return;
		}
		Event event = this.gallery.eventById(progressed.eventId()).orElse(null);
		Photo photo = (event != null) ? this.gallery.photo(event, progressed.photoId()).orElse(null) : null;
		if (photo == null) {
			return;
		}
		Set<String> bibs = this.gallery.bibsOf(photo);
		for (Map.Entry<Key, Set<SseEmitter>> entry : interested) {
			if (!bibs.contains(entry.getKey().bib())) {
				continue;
			}
			PublicApi.Item item = PublicApi.item(event, photo);
			for (SseEmitter emitter : entry.getValue()) {
				if (!this.streams.send(emitter, SseEmitter.event().name("photo").data(item))) {
					entry.getValue().remove(emitter);
				}
			}
		}
	}

	/** Forgets the bibs nobody watches any more. */
	@Scheduled(fixedDelay = 60_000)
	void forgetUnwatched() {
		this.watchers.values().removeIf(Set::isEmpty);
	}

}

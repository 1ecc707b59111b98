package com.focusracer.photos.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoProgressed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import com.focusracer.shared.web.ServerSentEvents;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes each photo's progress and the event's counters to the team pages watching the
 * event, as Server-Sent Events. Events reach the watchers connected to the node that ran
 * the stage.
 */
@Component
class LiveProgress implements org.springframework.context.SmartLifecycle {

	private volatile boolean running;

	private final Map<UUID, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

	private final PhotoManagement photos;

	private final org.springframework.beans.factory.ObjectProvider<com.focusracer.photos.PhotoLabels> labels;

	LiveProgress(PhotoManagement photos,
			org.springframework.beans.factory.ObjectProvider<com.focusracer.photos.PhotoLabels> labels) {
		this.photos = photos;
		this.labels = labels;
	}

	SseEmitter watch(UUID eventId) {
		SseEmitter emitter = new SseEmitter(0L);
		Set<SseEmitter> set = this.watchers.computeIfAbsent(eventId, (id) -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		emitter.onCompletion(() -> set.remove(emitter));
		emitter.onTimeout(() -> set.remove(emitter));
		emitter.onError((ex) -> set.remove(emitter));
		send(emitter, "counts", this.photos.counts(eventId));
		return emitter;
	}

	@EventListener
	void on(PhotoProgressed progressed) {
		Set<SseEmitter> set = this.watchers.get(progressed.eventId());
		if (set == null || set.isEmpty()) {
			return;
		}
		Map<String, Object> photo = new java.util.HashMap<>(Map.of("photoId", progressed.photoId().toString(),
				"fileName", progressed.fileName(), "stage", progressed.stage()));
		com.focusracer.photos.PhotoLabels photoLabels = this.labels.getIfAvailable();
		if ("published".equals(progressed.stage()) && photoLabels != null) {
			// The photographer sees at once which runners were recognised.
			photo.put("bibs",
					photoLabels.bibs(List.of(progressed.photoId())).getOrDefault(progressed.photoId(), List.of()));
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

	/**
	 * A comment line now and then finds closed connections and keeps proxies from cutting
	 * idle streams.
	 */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		ServerSentEvents.keepAlive(this.watchers.values());
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream as soon as the application starts closing: this phase stops
	 * before the web server's graceful shutdown, which would otherwise wait for these
	 * never-ending requests.
	 */
	@Override
	public void stop() {
		this.running = false;
		ServerSentEvents.completeAll(this.watchers.values());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	private static boolean send(SseEmitter emitter, String name, Object data) {
		return ServerSentEvents.send(emitter, SseEmitter.event().name(name).data(data));
	}

}

package com.focusracer.shared.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.shared.ratelimit.OpenStreams;
import com.focusracer.shared.ratelimit.RateLimitedException;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every Server-Sent Events stream of the application: opened only while the client's
 * address has fewer than its cap open on all nodes, sent to without letting a gone
 * browser fail the caller, kept alive by a comment now and then (which also finds closed
 * connections and keeps proxies from cutting idle streams), closed after a while with no
 * news (an {@code idle} event tells the page not to reconnect), and ended at shutdown.
 */
@Component
public class LiveStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	/** What a refused stream is told to wait: streams close at any moment. */
	private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

	private final OpenStreams openStreams;

	private final Clock clock;

	private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();

	private volatile boolean running;

	LiveStreams(OpenStreams openStreams, Clock clock) {
		this.openStreams = openStreams;
		this.clock = clock;
	}

	private static final class Stream {

		private final UUID id;

		private volatile Instant lastNews;

		Stream(UUID id, Instant openedAt) {
			this.id = id;
			this.lastNews = openedAt;
		}

	}

	/**
	 * Opens a stream for a request.
	 * @param request the request, whose client address is counted
	 * @return the stream
	 * @throws RateLimitedException when the address has as many streams open as allowed
	 */
	public SseEmitter open(HttpServletRequest request) {
		UUID id = this.openStreams.open(request.getRemoteAddr())
			.orElseThrow(() -> new RateLimitedException("streams", RETRY_AFTER));
		// No lifetime limit of its own: the heartbeat closes it once idle.
		SseEmitter emitter = new SseEmitter(0L);
		this.streams.put(emitter, new Stream(id, this.clock.instant()));
		emitter.onCompletion(() -> release(emitter));
		emitter.onTimeout(() -> release(emitter));
		emitter.onError((ex) -> release(emitter));
		return emitter;
	}

	/**
	 * Sends news on a stream; a stream that fails is completed.
	 * @param emitter the stream
	 * @param event the event
	 * @return false when the stream is gone
	 */
	public boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		if (!deliver(emitter, event)) {
			return false;
		}
		Stream stream = this.streams.get(emitter);
		if (stream != null) {
			stream.lastNews = this.clock.instant();
		}
		return true;
	}

	/**
	 * A comment on every stream, closing the ones gone or idle, and a mark in the
	 * database that this node's streams are still open.
	 */
	@Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		Instant idleSince = this.clock.instant().minus(this.openStreams.idleTimeout());
		for (Map.Entry<SseEmitter, Stream> entry : List.copyOf(this.streams.entrySet())) {
			SseEmitter emitter = entry.getKey();
			if (entry.getValue().lastNews.isBefore(idleSince)) {
				deliver(emitter, SseEmitter.event().name("idle").data("no news for a while: reload to watch again"));
				emitter.complete();
				release(emitter);
			}
			else if (!deliver(emitter, SseEmitter.event().comment("keep-alive"))) {
				release(emitter);
			}
		}
		this.openStreams.stillOpen(this.streams.values().stream().map((stream) -> stream.id).toList());
	}

	/**
	 * How many streams are open on this node.
	 * @return the count
	 */
	public int openHere() {
		return this.streams.size();
	}

	private boolean deliver(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
			release(emitter);
			return false;
		}
	}

	private void release(SseEmitter emitter) {
		Stream stream = this.streams.remove(emitter);
		if (stream != null) {
			this.openStreams.close(stream.id);
		}
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
		for (SseEmitter emitter : List.copyOf(this.streams.keySet())) {
			emitter.complete();
			try {
				release(emitter);
			}
			catch (RuntimeException ex) {
				// Its row stops counting once stale.
				log.debug("Could not give back a stream's place at shutdown", ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}

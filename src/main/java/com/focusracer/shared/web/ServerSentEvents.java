package com.focusracer.shared.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What every Server-Sent Events stream of the application needs: sending without letting
 * a gone browser fail the caller, a comment now and then that finds closed connections
 * and keeps proxies from cutting idle streams, and ending every stream at shutdown.
 */
public final class ServerSentEvents {

	private ServerSentEvents() {
	}

	/**
	 * Sends an event; a stream that fails is completed.
	 * @param emitter the stream
	 * @param event the event
	 * @return false when the stream is gone
	 */
	public static boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
			return false;
		}
	}

	/**
	 * Sends a keep-alive comment on every stream and forgets the closed ones.
	 * @param groups the streams, in sets
	 */
	public static void keepAlive(Collection<? extends Set<SseEmitter>> groups) {
		for (Set<SseEmitter> group : groups) {
			group.removeIf((emitter) -> !send(emitter, SseEmitter.event().comment("keep-alive")));
		}
	}

	/**
	 * Ends every stream (the web server's graceful shutdown would otherwise wait for
	 * these never-ending requests).
	 * @param groups the streams, in sets
	 */
	public static void completeAll(Collection<? extends Set<SseEmitter>> groups) {
		for (Set<SseEmitter> group : groups) {
			group.forEach(SseEmitter::complete);
			group.clear();
		}
	}

}

package com.focusracer.gallery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.focusracer.gallery.GalleryProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Selfie searches per address: at most so many in any sliding hour (face comparison is
 * costly, and a flood of selfies would be a way to probe who ran).
 */
@Component
public class SelfieThrottle {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final GalleryProperties properties;

	private final Clock clock;

	private final Map<String, Deque<Instant>> searches = new ConcurrentHashMap<>();

	SelfieThrottle(GalleryProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts a search from an address, when it is allowed.
	 * @param address the client's address
	 * @return empty when allowed, else how long until the next one is
	 */
	public java.util.Optional<Duration> tryAcquire(String address) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.searches.computeIfAbsent(address, (a) -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
				times.pollFirst();
			}
			if (times.size() >= this.properties.selfiesPerHour()) {
				return java.util.Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
			}
			times.addLast(now);
			return java.util.Optional.empty();
		}
	}

	/** Forgets addresses with no search in the last hour. */
	@Scheduled(fixedDelay = 600_000)
	void forgetOld() {
		Instant limit = this.clock.instant().minus(WINDOW);
		this.searches.values().removeIf((times) -> {
			synchronized (times) {
				return times.isEmpty() || times.peekLast().isBefore(limit);
			}
		});
	}

}

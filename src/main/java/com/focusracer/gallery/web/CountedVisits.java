package com.focusracer.gallery.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.gallery.GalleryVisited;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the analytics of a visit, within the {@code counted-visit} limit of the client's
 * address: a script that opens a page, searches or adds to a cart in a loop gets its
 * pages all the same, but counts only up to the limit, so it cannot inflate an event's
 * funnel. The address only picks the bucket (hashed, in the rate limits' table); it is
 * never given to the analytics.
 */
@Component
class CountedVisits {

	private static final Logger log = LoggerFactory.getLogger(CountedVisits.class);

	private final RateLimits limits;

	private final ApplicationEventPublisher publisher;

	CountedVisits(RateLimits limits, ApplicationEventPublisher publisher) {
		this.limits = limits;
		this.publisher = publisher;
	}

	void count(GalleryVisited visit) {
		try {
			String address = address();
			if (address != null && this.limits.tryAcquire(RateLimit.COUNTED_VISIT, address).isPresent()) {
				return;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the visit limit for event {}: {}", visit.eventId(), ex.getMessage());
			return;
		}
		this.publisher.publishEvent(visit);
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}

package com.focusracer.timing;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a photographer stood: a distance on the course, optionally only for a time window
 * (real time).
 *
 * @param id the id
 * @param eventId the event
 * @param photographerId the photographer
 * @param distanceKm the distance from the start
 * @param startsAt the window's start, or {@code null}
 * @param endsAt the window's end, or {@code null}
 */
public record Spot(UUID id, UUID eventId, UUID photographerId, double distanceKm, Instant startsAt, Instant endsAt) {

	/**
	 * Whether the spot's window holds a moment.
	 * @param at the moment
	 * @return true when it does (a spot without a window holds none)
	 */
	public boolean holds(Instant at) {
		if (this.startsAt == null && this.endsAt == null) {
			return false;
		}
		return (this.startsAt == null || !at.isBefore(this.startsAt))
				&& (this.endsAt == null || !at.isAfter(this.endsAt));
	}

}

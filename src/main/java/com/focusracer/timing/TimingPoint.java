package com.focusracer.timing;

import java.util.UUID;

/**
 * A timing point of an event: a mat at a distance on the course.
 *
 * @param id the id
 * @param eventId the event
 * @param name its name, as the timing files name it (e.g. {@code SEMI})
 * @param distanceKm its distance from the start
 * @param passings how many passings it holds
 */
public record TimingPoint(UUID id, UUID eventId, String name, double distanceKm, int passings) {
}

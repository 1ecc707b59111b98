package com.focusracer.timing;

import java.util.UUID;

/**
 * An event's timing changed (passings imported, a spot or a clock offset set): its photos
 * without a bib of their own are worth linking again.
 *
 * @param eventId the event
 */
public record TimingUpdated(UUID eventId) {
}

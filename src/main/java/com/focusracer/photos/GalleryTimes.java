package com.focusracer.photos;

import java.time.Duration;
import java.time.Instant;

/**
 * When an event's public photos arrived and how long they took to reach the gallery.
 *
 * @param lastAddedAt when the latest public photo was accepted, or null when none is
 * public
 * @param median the median time from acceptance to first publication (exact; the last
 * change for photos published before that was recorded), or null
 * @param p95 the 95th percentile of the same (the time of the photo at that rank), or
 * null
 */
public record GalleryTimes(Instant lastAddedAt, Duration median, Duration p95) {

}

package com.focusracer.photos;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo was published (again, after a re-process): it is in its event's gallery with
 * its links. Published in the transaction that marks it so, and kept in the event
 * publication registry until every listener has done its work: listeners in other modules
 * ({@code @ApplicationModuleListener}) run after the commit, and again after a crash.
 *
 * @param eventId the event
 * @param photoId the photo
 * @param uploadedAt when it was accepted, or {@code null} (events stored before it was
 * told)
 * @param publishedAt when it was published, or {@code null} (same)
 */
public record PhotoPublished(UUID eventId, UUID photoId, Instant uploadedAt, Instant publishedAt) {

	public PhotoPublished(UUID eventId, UUID photoId) {
		this(eventId, photoId, null, null);
	}

}

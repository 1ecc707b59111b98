package com.focusracer.recognition;

import java.util.Set;
import java.util.UUID;

/**
 * Runners are no longer linked to a photo (a bib read corrected, a person's "not me", a
 * re-run of recognition or timing that no longer puts them on it). Published in the
 * transaction that changes the links: what was made of them on that photo (their share
 * images) must go.
 *
 * @param eventId the photo's event
 * @param photoId the photo
 * @param bibs the runners no longer on it
 */
public record RunnersUnlinked(UUID eventId, UUID photoId, Set<String> bibs) {
}

package com.focusracer.photos;

import java.util.UUID;

/**
 * A new photo was stored and waits for the pipeline. Published in the transaction that
 * stores it (the event publication registry keeps it until every listener has run).
 *
 * @param eventId the event
 * @param photoId the photo
 * @param uploaderId the photographer
 */
public record PhotoUploaded(UUID eventId, UUID photoId, UUID uploaderId) {

}

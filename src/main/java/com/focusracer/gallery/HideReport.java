package com.focusracer.gallery;

import java.time.Instant;
import java.util.UUID;

/**
 * A runner's "hide me" on a photo that its team has not decided yet, as the platform's
 * admins see it (never who asked).
 *
 * @param photoId the photo
 * @param eventId its event
 * @param createdAt when it was asked
 */
public record HideReport(UUID photoId, UUID eventId, Instant createdAt) {

}

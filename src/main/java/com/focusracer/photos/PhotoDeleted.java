package com.focusracer.photos;

import java.util.UUID;

/**
 * A photo was deleted: what other modules know of it must go too.
 *
 * @param eventId its event
 * @param photoId the photo
 */
public record PhotoDeleted(UUID eventId, UUID photoId) {
}

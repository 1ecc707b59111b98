package com.focusracer.photos;

import java.util.UUID;

/**
 * A photo left the public gallery without being deleted: hidden by its team, at the
 * request of a person on it or by the platform's admins, or withdrawn (sold, kept for its
 * buyers). Published in the transaction that hides it; what other modules made of it for
 * the public (the share images of the runners on it) must go.
 *
 * @param eventId its event
 * @param photoId the photo
 */
public record PhotoHidden(UUID eventId, UUID photoId) {
}

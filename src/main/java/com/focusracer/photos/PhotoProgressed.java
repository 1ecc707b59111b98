package com.focusracer.photos;

import java.util.UUID;

/**
 * A photo reached a pipeline stage; pushed live to the pages that watch its event.
 *
 * @param eventId the event
 * @param photoId the photo
 * @param fileName the file's name, as the uploader knows it
 * @param stage {@code received}, {@code derive}, {@code published} or
 * {@code failed:<reason>}
 */
public record PhotoProgressed(UUID eventId, UUID photoId, String fileName, String stage) {

}

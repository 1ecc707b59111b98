package com.focusracer.photos;

import java.util.UUID;

/**
 * A photo reached a pipeline stage: published once, on the node that ran the stage (or
 * received the upload). Every node then hears it from the database as a
 * {@link PhotoProgressAnnounced}, which the live pages push to their watchers.
 *
 * @param eventId the event
 * @param photoId the photo
 * @param fileName the file's name, as the uploader knows it
 * @param stage {@code received}, {@code derive}, {@code published} or
 * {@code failed:<reason>}
 */
public record PhotoProgressed(UUID eventId, UUID photoId, String fileName, String stage) {

}

package com.focusracer.recognition;

import java.time.Instant;

/**
 * What an event's public page says about its photos: how many start-list runners have
 * one, and when the last photo was added.
 *
 * @param runners runners on the start list
 * @param runnersWithPhotos those with at least one public photo
 * @param lastPhotoAt when the latest public photo was added, or null when none is
 */
public record PublicCoverage(long runners, long runnersWithPhotos, Instant lastPhotoAt) {

}

package com.focusracer.timing;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo whose bib was read with high confidence, given by recognition to estimate its
 * camera's clock offset.
 *
 * @param photoId the photo
 * @param photographerId who took it
 * @param cameraSerial the camera's serial ({@code ""} when unknown)
 * @param takenAt its EXIF time
 * @param bib the runner read on it
 */
public record Anchor(UUID photoId, UUID photographerId, String cameraSerial, Instant takenAt, String bib) {
}

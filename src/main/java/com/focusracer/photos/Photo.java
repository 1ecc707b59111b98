package com.focusracer.photos;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded photo.
 *
 * @param id the id
 * @param eventId the event it belongs to
 * @param uploaderId the account that uploaded it
 * @param fileName the name it was uploaded under
 * @param sha256 the hex SHA-256 of the original bytes
 * @param sizeBytes the original's size
 * @param format {@code JPEG} or {@code PNG}
 * @param width the original's width in pixels
 * @param height the original's height in pixels
 * @param status where it stands in the pipeline (hiding a photo leaves it as it is)
 * @param hidden whether its team hid it: never shown publicly, whatever its status
 * @param stage the pipeline stage working on it or last done
 * @param failure why it failed, for people
 * @param sharpness variance of the Laplacian of the preview (higher is sharper)
 * @param exposure mean luminance 0–255
 * @param quality 0–1, higher is better
 * @param takenAt when the camera took it (EXIF), if known
 * @param createdAt when it was accepted
 * @param cameraSerial the camera body's serial number (EXIF), if known
 */
public record Photo(UUID id, UUID eventId, UUID uploaderId, String fileName, String sha256, long sizeBytes,
		String format, int width, int height, PhotoStatus status, boolean hidden, String stage, String failure,
		Double sharpness, Double exposure, Double quality, Instant takenAt, Instant createdAt, String cameraSerial) {

	/**
	 * Whether the public may see it (and buy it): published, so with its watermarked
	 * versions, and not hidden.
	 * @return true when public
	 */
	public boolean isPublic() {
		return this.status == PhotoStatus.PUBLISHED && !this.hidden;
	}

}

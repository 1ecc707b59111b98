package com.focusracer.photos;

/**
 * Where a photo stands in the pipeline.
 */
public enum PhotoStatus {

	/** Stored durably, waiting for the pipeline. */
	RECEIVED,
	/** A pipeline stage is working on it. */
	PROCESSING,
	/** Visible in the gallery. */
	PUBLISHED,
	/** A stage gave up; {@code failure} says why. */
	FAILED,
	/**
	 * Never a photo's status: the triage and API filter (and count) for the photos their
	 * team hid ({@link Photo#hidden()}), whatever their status. Hiding leaves the status
	 * as it is, so that showing the photo again never publishes one the pipeline has not
	 * finished.
	 */
	HIDDEN

}

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
	/** Hidden by its team: never shown publicly. */
	HIDDEN

}

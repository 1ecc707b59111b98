package com.focusracer.photos;

import java.awt.image.BufferedImage;

/**
 * A stage that another module adds to the photo pipeline, between {@code derive} and
 * {@code publish} ({@code read-bibs}, {@code faces}, {@code link}); stages run in their
 * {@link org.springframework.core.annotation.Order order}. Like every stage, it must be
 * safe to run again on the same photo.
 */
public interface PhotoStage {

	/**
	 * The stage's name, shown in progress and used as the job's name.
	 * @return a short lower-case name
	 */
	String name();

	/**
	 * Whether the stage has work for this photo (the faces stage only runs for events
	 * with face features on).
	 * @param photo the photo
	 * @return whether to run
	 */
	boolean appliesTo(Photo photo);

	/**
	 * Runs the stage.
	 * @param photo the photo
	 * @param analysisImage the upright, unwatermarked photo, at most 3,072 px long (the
	 * one {@code derive} kept in memory, or made again from the original on first use);
	 * the same image goes to every stage of the photo: read it, never draw on it
	 * @throws Exception when it fails: the job is retried
	 */
	void run(Photo photo, AnalysisImage analysisImage) throws Exception;

	/**
	 * Whether the stage reads the analysis image: once no stage left for a photo does,
	 * the node forgets the image at once instead of holding it until it is evicted.
	 * @return true unless the stage works from what earlier stages stored
	 */
	default boolean readsAnalysisImage() {
		return true;
	}

	/**
	 * Gives the analysis image on demand.
	 */
	@FunctionalInterface
	interface AnalysisImage {

		BufferedImage get() throws java.io.IOException;

	}

}

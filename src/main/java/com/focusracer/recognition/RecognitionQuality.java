package com.focusracer.recognition;

import java.util.Map;

import com.focusracer.photos.GalleryTimes;

/**
 * How well recognition did on an event, for the platform's admins.
 *
 * @param coverage the figures the team sees
 * @param photosBySource published photos with at least one link of each source
 * ({@code OCR}, {@code FACE}, {@code BURST}, {@code TIMING}, {@code MANUAL}; every source
 * present, 0 when none)
 * @param doubtfulReads numbers read that may be a longer bib read short (not linked)
 * @param unlistedReads sure numbers the start list lacks (not linked)
 * @param times when photos arrived and how long they took to reach the gallery
 */
public record RecognitionQuality(Coverage coverage, Map<String, Long> photosBySource, long doubtfulReads,
		long unlistedReads, GalleryTimes times) {

	/** The link sources, in the order pages show them. */
	public static final java.util.List<String> SOURCES = java.util.List.of("OCR", "FACE", "BURST", "TIMING", "MANUAL");

	/**
	 * The share of published photos with a link of a source.
	 * @param source the source
	 * @return 0–1
	 */
	public double share(String source) {
		long published = this.coverage.publishedPhotos();
		return (published > 0) ? (double) this.photosBySource.getOrDefault(source, 0L) / published : 0;
	}

}

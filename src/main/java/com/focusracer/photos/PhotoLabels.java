package com.focusracer.photos;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What another module knows about the people on photos (bibs, links, faces), for the
 * photo listings of this module: implemented by recognition.
 */
public interface PhotoLabels {

	/**
	 * The bibs linked to each photo.
	 * @param photoIds the photos
	 * @return photo to its bibs, sorted; photos without bibs may be absent
	 */
	Map<UUID, List<String>> bibs(Collection<UUID> photoIds);

	/**
	 * How many faces were found on each photo.
	 * @param photoIds the photos
	 * @return photo to count; photos without faces may be absent
	 */
	Map<UUID, Integer> faceCounts(Collection<UUID> photoIds);

	/**
	 * The links of one photo.
	 * @param photoId the photo
	 * @return its links, most confident first
	 */
	List<Link> links(UUID photoId);

	/**
	 * The numbers read on one photo, doubtful ones included (for review).
	 * @param photoId the photo
	 * @return the reads, most confident first
	 */
	List<Read> reads(UUID photoId);

	/**
	 * The numbers read surely on each photo that the event's start list does not have
	 * (shown to the team: a runner missing from the list, or a photo to assign by hand).
	 * @param photoIds the photos
	 * @return photo to those numbers; photos without any may be absent
	 */
	Map<UUID, List<String>> unlistedReads(Collection<UUID> photoIds);

	/**
	 * The event's photos linked to at least one runner.
	 * @param eventId the event
	 * @return the photos' ids
	 */
	Set<UUID> linkedPhotos(UUID eventId);

	/**
	 * The photos linked to a bib.
	 * @param eventId the event
	 * @param bib the bib
	 * @return the photos' ids
	 */
	Set<UUID> photosOf(UUID eventId, String bib);

	/**
	 * The runners timing suggests for a photo without a bib, when it cannot tell which
	 * (one click to accept in triage).
	 * @param photoId the photo
	 * @return the suggested bibs, likeliest first
	 */
	default List<String> timingSuggestions(UUID photoId) {
		return List.of();
	}

	/**
	 * One photo ↔ runner link.
	 *
	 * @param bib the runner's bib
	 * @param source {@code OCR}, {@code FACE}, {@code BURST}, {@code TIMING} or
	 * {@code MANUAL}
	 * @param confidence 0–1
	 */
	record Link(String bib, String source, double confidence) {
	}

	/**
	 * A number read on a photo.
	 *
	 * @param bib the bib it stands for
	 * @param readAs the characters read (differs from {@code bib} when corrected)
	 * @param kind {@code READ}, {@code ON_START_LIST}, {@code CORRECTED} or
	 * {@code DOUBTFUL} (may be a longer bib read short: not linked) or
	 * {@code NOT_ON_START_LIST} (a sure number the start list lacks: not linked)
	 * @param confidence 0–1
	 * @param box x, y, width, height as fractions of the upright photo
	 */
	record Read(String bib, String readAs, String kind, double confidence, double[] box) {
	}

}

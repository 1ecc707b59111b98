package com.focusracer.gallery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.photos.Photo;
import com.focusracer.recognition.RunnerFraming;

import org.springframework.stereotype.Component;

/**
 * A runner's photos in search order. First by how surely they show the runner: their bib
 * read or set by hand, then linked through a face or a burst, then through chip timing
 * alone (a photo taken when they passed, which may show someone beside them). Within
 * each, on events with face features on, "best first": the photos where their face makes
 * the best portrait (size, sharpness, eyes open, smile: one ranking number); events
 * without face features keep the usual order (latest shot first) and read no face.
 */
@Component
class BestFirst {

	private static final Map<String, Integer> SURENESS = Map.of("OCR", 0, "MANUAL", 0, "FACE", 1, "BURST", 1, "TIMING",
			2);

	private final RunnerFraming framing;

	BestFirst(RunnerFraming framing) {
		this.framing = framing;
	}

	/**
	 * Whether the event's runners' photos are ranked.
	 * @param event the event
	 * @return true when its face features are on
	 */
	boolean applies(Event event) {
		return this.framing.ranks(event);
	}

	/**
	 * Orders a runner's photos.
	 * @param event the event
	 * @param bib the runner's bib
	 * @param photos their photos in the usual order
	 * @param sources how each photo is linked to the bib
	 * ({@code RecognitionManagement.linkSources})
	 * @return best first (a stable sort: ties keep the usual order)
	 */
	List<Photo> order(Event event, String bib, List<Photo> photos, Map<UUID, String> sources) {
		if (bib == null || photos.size() < 2) {
			return photos;
		}
		List<Photo> ordered = new ArrayList<>(photos);
		if (this.framing.ranks(event)) {
			Map<UUID, Double> scores = this.framing.portraits(event, bib, photos.stream().map(Photo::id).toList());
			ordered.sort(Comparator.comparingDouble((Photo photo) -> -scores.getOrDefault(photo.id(), -1.0)));
		}
		// A stable sort: within a source, the order above stays.
		ordered.sort(Comparator.comparingInt((Photo photo) -> SURENESS.getOrDefault(sources.get(photo.id()), 1)));
		return ordered;
	}

}

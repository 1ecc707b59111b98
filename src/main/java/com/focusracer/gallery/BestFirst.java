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
 * A runner's photos "best first" on events with face features on: the photos where their
 * face makes the best portrait (size, sharpness, eyes open, smile: one ranking number),
 * then the others in their usual order. Events without face features keep the usual order
 * (latest shot first) and nothing is read.
 */
@Component
class BestFirst {

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
	 * @return best first (a stable sort: ties keep the usual order)
	 */
	List<Photo> order(Event event, String bib, List<Photo> photos) {
		if (bib == null || photos.size() < 2 || !this.framing.ranks(event)) {
			return photos;
		}
		Map<UUID, Double> scores = this.framing.portraits(event, bib, photos.stream().map(Photo::id).toList());
		if (scores.isEmpty()) {
			return photos;
		}
		List<Photo> ordered = new ArrayList<>(photos);
		ordered.sort(Comparator.comparingDouble((Photo photo) -> -scores.getOrDefault(photo.id(), -1.0)));
		return ordered;
	}

}

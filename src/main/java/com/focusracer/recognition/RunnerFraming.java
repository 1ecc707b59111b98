package com.focusracer.recognition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.recognition.internal.FaceIndex;
import com.focusracer.recognition.internal.FramingRepository;
import com.focusracer.recognition.internal.RecognitionRepository;

import org.springframework.stereotype.Service;

/**
 * Where a runner is on their photos and how well each photo shows them: for ordering a
 * runner's photos "best first" and for cropping a photo around one of its runners. Face
 * data is only read for events whose face features are on; the portrait score is one
 * ranking number (see {@code docs/privacy.md}), never an expression.
 */
@Service
public class RunnerFraming {

	private final FramingRepository repository;

	private final RecognitionSettings settings;

	RunnerFraming(FramingRepository repository, RecognitionSettings settings) {
		this.repository = repository;
		this.settings = settings;
	}

	/**
	 * A runner's place on one photo, in fractions of the upright photo.
	 *
	 * @param bib their bib's box (x, y, width, height), or null when it was not read
	 * @param face their face's box, or null when unknown or face features are off
	 */
	public record Place(double[] bib, double[] face) {

		public boolean known() {
			return this.bib != null || this.face != null;
		}

	}

	/**
	 * Whether the event's photos are ranked by portrait: its face features are on.
	 * @param event the event
	 * @return true when ranked
	 */
	public boolean ranks(Event event) {
		return this.settings.facesOn(event);
	}

	/**
	 * How good a portrait of a runner each photo is, for the photos where their face is
	 * known: the face above their read bib, or the only face of the photo.
	 * @param event the event
	 * @param bib the runner's bib
	 * @param photoIds their photos
	 * @return the score by photo (0–1); empty when the event's face features are off
	 */
	public Map<UUID, Double> portraits(Event event, String bib, Collection<UUID> photoIds) {
		Map<UUID, Double> scores = new HashMap<>();
		if (!ranks(event) || photoIds.isEmpty()) {
			return scores;
		}
		Map<UUID, List<RecognitionRepository.StoredFace>> faces = this.repository.faces(event.id(), photoIds);
		Map<UUID, RecognitionRepository.StoredRead> reads = this.repository.reads(event.id(), bib, faces.keySet());
		faces.forEach((photoId, photoFaces) -> {
			RecognitionRepository.StoredFace face = faceOf(photoFaces, reads.get(photoId));
			if (face != null) {
				scores.put(photoId, face.quality());
			}
		});
		return scores;
	}

	/**
	 * Where a runner is on a photo.
	 * @param event the event
	 * @param photoId the photo
	 * @param bib the runner's bib
	 * @return their bib and face boxes, each when known
	 */
	public Place place(Event event, UUID photoId, String bib) {
		RecognitionRepository.StoredRead read = this.repository.reads(event.id(), bib, List.of(photoId)).get(photoId);
		RecognitionRepository.StoredFace face = null;
		if (ranks(event)) {
			face = faceOf(this.repository.faces(event.id(), List.of(photoId)).getOrDefault(photoId, List.of()), read);
		}
		return new Place((read != null) ? new double[] { read.x(), read.y(), read.width(), read.height() } : null,
				(face != null) ? new double[] { face.x(), face.y(), face.width(), face.height() } : null);
	}

	private static RecognitionRepository.StoredFace faceOf(List<RecognitionRepository.StoredFace> faces,
			RecognitionRepository.StoredRead read) {
		if (read != null) {
			Optional<RecognitionRepository.StoredFace> above = faces.stream()
				.filter((face) -> FaceIndex.bibBelow(face, List.of(read)) == read)
				.max(java.util.Comparator.comparingDouble((face) -> face.y() + face.height()));
			if (above.isPresent()) {
				return above.get();
			}
		}
		return (faces.size() == 1 && read == null) ? faces.get(0) : null;
	}

}

package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ai.onnxruntime.OrtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.photos.AnalysisImages;
import com.focusracer.recognition.internal.SelfieFaces;
import com.focusracer.recognition.internal.Recognizers;
import com.focusracer.recognition.internal.SelfieIndex;
import com.focusracer.shared.UserMistakeException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;

/**
 * Finds the photos of an event that show the person of a selfie, with the local face
 * models or AWS Rekognition. The selfie is only held in memory for the comparison.
 */
@Service
public class SelfieSearch {

	private static final Logger log = LoggerFactory.getLogger(SelfieSearch.class);

	/**
	 * Similarity from which a selfie match is "maybe you": the cosine at which 0.1 % of
	 * different-person pairs of the dev pairs are accepted (see
	 * {@code docs/recognition.md}).
	 */
	static final double SELFIE_MAYBE = 0.46;

	private final Recognizers recognizers;

	private final SelfieIndex selfieIndex;

	private final SelfieFaces faces;

	private final RecognitionProperties properties;

	private final TaskExecutor warmUp;

	private final Set<UUID> warming = ConcurrentHashMap.newKeySet();

	SelfieSearch(Recognizers recognizers, SelfieIndex selfieIndex, SelfieFaces faces, RecognitionProperties properties,
			@Qualifier(SelfieWarmUp.EXECUTOR) TaskExecutor warmUp) {
		this.recognizers = recognizers;
		this.selfieIndex = selfieIndex;
		this.faces = faces;
		this.properties = properties;
		this.warmUp = warmUp;
	}

	/**
	 * A photo found by selfie.
	 *
	 * @param photoId the photo
	 * @param similarity cosine similarity (local models) or Rekognition's similarity, 0–1
	 * @param probable "probably you" (else "maybe you")
	 */
	public record Hit(UUID photoId, double similarity, boolean probable) {
	}

	/**
	 * Finds the event's photos showing the person of a selfie. The selfie is decoded and
	 * embedded in memory and forgotten: nothing of it is written anywhere, not even in
	 * the log.
	 * @param eventId the event (its face features on)
	 * @param selfie the picture's bytes
	 * @return the photos, most similar first; "probably you" at or above the face
	 * similarity used for linking
	 * @throws UserMistakeException when the picture cannot be read or shows no face
	 * @throws FaceFeaturesUnavailableException when this node has no face models
	 */
	public List<Hit> search(UUID eventId, byte[] selfie) {
		BufferedImage image;
		try {
			image = AnalysisImages.uprightInMemory(selfie, 1024);
		}
		catch (IOException | RuntimeException ex) {
			throw new UserMistakeException("selfie.unreadable");
		}
		List<Hit> hits = new ArrayList<>();
		if (this.recognizers.onAws()) {
			List<String> ids = new ArrayList<>();
			Map<String, Double> similarity = new HashMap<>();
			for (var match : this.recognizers.rekognition().searchFacesByImage(eventId, image)) {
				ids.add(match.faceId());
				similarity.put(match.faceId(), match.similarity());
			}
			Map<UUID, Double> byPhoto = new HashMap<>();
			this.faces.photosOfExternalFaces(ids)
				.forEach((faceId, photoId) -> byPhoto.merge(photoId, similarity.get(faceId), Math::max));
			byPhoto.forEach((photoId, value) -> hits.add(new Hit(photoId, value, value >= 0.95)));
		}
		else {
			var models = this.recognizers.faceModels().orElseThrow(FaceFeaturesUnavailableException::new);
			float[] query;
			try {
				query = models.selfieFace(image)
					.orElseThrow(() -> new UserMistakeException("selfie.noFace"))
					.embedding();
			}
			catch (OrtException ex) {
				throw new IllegalStateException("The face models failed on a selfie", ex);
			}
			Map<UUID, Double> found = this.selfieIndex.search(eventId, query, SELFIE_MAYBE);
			// This node's index may still hold faces another node deleted (an erasure, an
			// objection) until its next full reload: only photos whose faces are still
			// stored count.
			Set<UUID> stored = this.faces.photosWithFaces(eventId, found.keySet());
			found.forEach((photoId, value) -> {
				if (stored.contains(photoId)) {
					hits.add(new Hit(photoId, Math.round(value * 1000) / 1000.0,
							value >= this.properties.faceSimilarity()));
				}
			});
		}
		hits.sort(Comparator.comparingDouble(Hit::similarity).reversed());
		return hits;
	}

	/**
	 * Gets selfie search ready for an event in the background (the face models loaded,
	 * the event's faces read), while the runner takes their selfie: the first search of
	 * an event otherwise waits two seconds for both. At most one warm-up per event at a
	 * time; they run one after another on the {@link SelfieWarmUp#EXECUTOR} thread.
	 * @param eventId the event (its face features on)
	 */
	public void prepare(UUID eventId) {
		if (this.recognizers.onAws() || !this.recognizers.faceModelsPresent() || !this.warming.add(eventId)) {
			return;
		}
		try {
			this.warmUp.execute(() -> {
				try {
					this.recognizers.faceModels();
					this.selfieIndex.warm(eventId);
				}
				catch (RuntimeException ex) {
					log.warn("Could not prepare selfie search for event {}: {}", eventId, ex.toString());
				}
				finally {
					this.warming.remove(eventId);
				}
			});
		}
		catch (TaskRejectedException ex) {
			// The application is shutting down: the first search will simply wait.
			this.warming.remove(eventId);
		}
	}

	/**
	 * Face features cannot run on this node: the face models are missing.
	 */
	public static class FaceFeaturesUnavailableException extends RuntimeException {

		public FaceFeaturesUnavailableException() {
			super("Face features are unavailable on this node: the build could not fetch the face models (npm)");
		}

	}

}

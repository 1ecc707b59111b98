package com.focusracer.recognition.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.photos.Photo;
import com.focusracer.recognition.RecognitionProperties;

import org.springframework.stereotype.Component;

/**
 * Finds runners by face: a face on a photo without bib is compared with the faces of the
 * event that sit above a read bib (or that are alone on a photo with one bib).
 */
@Component
public class FaceIndex {

	/**
	 * An event's anchors are read once a minute at most: loading every face of a large
	 * event for each photo without a bib would cost more than the comparison. A photo
	 * whose anchor appeared in the last minute is linked at the next re-processing.
	 */
	private static final java.time.Duration ANCHOR_CACHE = java.time.Duration.ofMinutes(1);

	private record CachedAnchors(List<Anchor> anchors, java.time.Instant at) {
	}

	private final Map<UUID, CachedAnchors> anchorCache = new java.util.concurrent.ConcurrentHashMap<>();

	/** How much closer the best runner must be than the next one. */
	static final double MARGIN = 0.08;

	private final RecognitionRepository repository;

	private final RecognitionProperties properties;

	private final Recognizers recognizers;

	FaceIndex(RecognitionRepository repository, RecognitionProperties properties, Recognizers recognizers) {
		this.repository = repository;
		this.properties = properties;
		this.recognizers = recognizers;
	}

	/**
	 * A runner found by face.
	 *
	 * @param bib the runner's bib
	 * @param confidence 0–1
	 */
	public record Match(String bib, double confidence) {
	}

	/** A face known to belong to a bib. */
	record Anchor(String bib, float[] embedding, double linkConfidence, String externalId) {
	}

	List<Match> matches(Photo photo) {
		List<RecognitionRepository.StoredFace> mine = this.repository.faces(photo.id());
		if (mine.isEmpty()) {
			return List.of();
		}
		List<Anchor> anchors = cachedAnchors(photo.eventId());
		if (this.recognizers.onAws()) {
			return awsMatches(photo, mine, anchors);
		}
		Map<String, Double> found = new HashMap<>();
		for (RecognitionRepository.StoredFace face : mine) {
			// Each face names one runner at most: the closest bib, when it is close
			// enough
			// and clearly closer than any other bib (a crowd of anchors makes chance
			// matches likely).
			Map<String, Double> byBib = new HashMap<>();
			Map<String, Double> linkConfidence = new HashMap<>();
			for (Anchor anchor : anchors) {
				double cosine = FaceModels.cosine(face.embedding(), anchor.embedding());
				if (byBib.getOrDefault(anchor.bib(), -1.0) < cosine) {
					byBib.put(anchor.bib(), cosine);
					linkConfidence.put(anchor.bib(), anchor.linkConfidence());
				}
			}
			String best = null;
			double bestCosine = -1;
			double second = -1;
			for (Map.Entry<String, Double> entry : byBib.entrySet()) {
				if (entry.getValue() > bestCosine) {
					second = bestCosine;
					bestCosine = entry.getValue();
					best = entry.getKey();
				}
				else if (entry.getValue() > second) {
					second = entry.getValue();
				}
			}
			if (best != null && bestCosine >= this.properties.faceSimilarity() && bestCosine - second >= MARGIN) {
				double confidence = Math.min(0.9, linkConfidence.get(best)) * Math.min(1.0, 0.5 + bestCosine / 2);
				found.merge(best, confidence, Math::max);
			}
		}
		List<Match> matches = new ArrayList<>();
		found.forEach((bib, confidence) -> matches.add(new Match(bib, confidence)));
		return matches;
	}

	/**
	 * With AWS Rekognition: the collection's search names the faces like each face of the
	 * photo (above the configured similarity); the best anchored one gives the runner.
	 */
	private List<Match> awsMatches(Photo photo, List<RecognitionRepository.StoredFace> mine, List<Anchor> anchors) {
		Map<String, Anchor> byFaceId = new HashMap<>();
		for (Anchor anchor : anchors) {
			if (anchor.externalId() != null) {
				byFaceId.put(anchor.externalId(), anchor);
			}
		}
		Map<String, Double> found = new HashMap<>();
		for (RecognitionRepository.StoredFace face : mine) {
			if (face.externalId() == null) {
				continue;
			}
			AwsRekognition.Match best = null;
			for (AwsRekognition.Match match : this.recognizers.rekognition()
				.searchFaces(photo.eventId(), face.externalId())) {
				if (byFaceId.containsKey(match.faceId()) && (best == null || match.similarity() > best.similarity())) {
					best = match;
				}
			}
			if (best != null) {
				Anchor anchor = byFaceId.get(best.faceId());
				found.merge(anchor.bib(), Math.min(0.9, anchor.linkConfidence()) * best.similarity(), Math::max);
			}
		}
		List<Match> matches = new ArrayList<>();
		found.forEach((bib, confidence) -> matches.add(new Match(bib, confidence)));
		return matches;
	}

	/**
	 * The event's faces that can be tied to one bib: the only face of a photo with one
	 * seen bib, or the face right above a read bib.
	 */
	private List<Anchor> cachedAnchors(UUID eventId) {
		java.time.Instant now = java.time.Instant.now();
		CachedAnchors cached = this.anchorCache.get(eventId);
		if (cached == null || cached.at().plus(ANCHOR_CACHE).isBefore(now)) {
			cached = new CachedAnchors(anchors(eventId), now);
			this.anchorCache.put(eventId, cached);
		}
		return cached.anchors();
	}

	/**
	 * Forgets an event's anchors (its faces were deleted).
	 * @param eventId the event
	 */
	public void forget(UUID eventId) {
		this.anchorCache.remove(eventId);
	}

	List<Anchor> anchors(UUID eventId) {
		Map<UUID, List<RecognitionRepository.StoredLink>> seen = new HashMap<>();
		for (RecognitionRepository.StoredLink link : this.repository.seenLinks(eventId)) {
			seen.computeIfAbsent(link.photoId(), (id) -> new ArrayList<>()).add(link);
		}
		if (seen.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<RecognitionRepository.StoredFace>> faces = new HashMap<>();
		for (RecognitionRepository.StoredFace face : this.repository.facesOfLinkedPhotos(eventId)) {
			if (seen.containsKey(face.photoId())) {
				faces.computeIfAbsent(face.photoId(), (id) -> new ArrayList<>()).add(face);
			}
		}
		Map<UUID, List<RecognitionRepository.StoredRead>> reads = this.repository.reads(faces.keySet());
		List<Anchor> anchors = new ArrayList<>();
		faces.forEach((photoId, photoFaces) -> {
			List<RecognitionRepository.StoredLink> links = seen.get(photoId);
			if (links.size() == 1 && photoFaces.size() == 1) {
				anchors.add(new Anchor(links.get(0).bib(), photoFaces.get(0).embedding(), links.get(0).confidence(),
						photoFaces.get(0).externalId()));
				return;
			}
			for (RecognitionRepository.StoredFace face : photoFaces) {
				RecognitionRepository.StoredRead below = bibBelow(face, reads.getOrDefault(photoId, List.of()));
				if (below != null && below.kind().accepted()) {
					anchors.add(new Anchor(below.bib(), face.embedding(), below.confidence(), face.externalId()));
				}
			}
		});
		return anchors;
	}

	/**
	 * The read bib under a face: below it, horizontally within two face widths of its
	 * centre, the closest one.
	 */
	public static RecognitionRepository.StoredRead bibBelow(RecognitionRepository.StoredFace face,
			List<RecognitionRepository.StoredRead> reads) {
		double faceX = face.x() + face.width() / 2;
		double faceBottom = face.y() + face.height();
		RecognitionRepository.StoredRead best = null;
		double bestDistance = Double.MAX_VALUE;
		for (RecognitionRepository.StoredRead read : reads) {
			double readX = read.x() + read.width() / 2;
			double dx = Math.abs(readX - faceX);
			double dy = read.y() - faceBottom;
			if (dy > 0 && dy < 8 * face.height() && dx < 2 * face.width()) {
				double distance = Math.hypot(dx, dy);
				if (distance < bestDistance) {
					bestDistance = distance;
					best = read;
				}
			}
		}
		return best;
	}

}

package com.focusracer.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoDeleted;
import com.focusracer.photos.PhotoLabels;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.privacy.AuditLog;
import com.focusracer.recognition.internal.Linker;
import com.focusracer.recognition.internal.RecognitionRepository;
import com.focusracer.recognition.internal.Recognizers;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognition's facade: who is on which photo (for listings and search), manual
 * corrections, coverage, and the face-data retention sweep.
 */
@Service
public class RecognitionManagement implements PhotoLabels, com.focusracer.events.FaceFeatures {

	private static final Logger log = LoggerFactory.getLogger(RecognitionManagement.class);

	private static final Pattern BIB = Pattern.compile("[A-Z]?\\d{1,6}");

	private final RecognitionRepository repository;

	private final Linker linker;

	private final PhotoManagement photos;

	private final EventManagement events;

	private final StartLists startLists;

	private final Recognizers recognizers;

	private final AuditLog audit;

	private final Clock clock;

	private final com.focusracer.recognition.internal.FaceIndex faceIndex;

	private final com.focusracer.recognition.internal.SelfieIndex selfieIndex;

	private final RecognitionProperties properties;

	RecognitionManagement(RecognitionRepository repository, Linker linker, PhotoManagement photos,
			EventManagement events, StartLists startLists, Recognizers recognizers, AuditLog audit, Clock clock,
			com.focusracer.recognition.internal.FaceIndex faceIndex,
			com.focusracer.recognition.internal.SelfieIndex selfieIndex, RecognitionProperties properties) {
		this.faceIndex = faceIndex;
		this.selfieIndex = selfieIndex;
		this.properties = properties;
		this.repository = repository;
		this.linker = linker;
		this.photos = photos;
		this.events = events;
		this.startLists = startLists;
		this.recognizers = recognizers;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Map<UUID, List<String>> bibs(Collection<UUID> photoIds) {
		Map<UUID, List<String>> bibs = new TreeMap<>();
		this.repository.links(photoIds)
			.forEach((photo, links) -> bibs.put(photo,
					links.stream().map(RecognitionRepository.StoredLink::bib).sorted().toList()));
		return bibs;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Integer> faceCounts(Collection<UUID> photoIds) {
		return this.repository.faceCounts(photoIds);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Link> links(UUID photoId) {
		return this.repository.links(photoId)
			.stream()
			.map((link) -> new Link(link.bib(), link.source(), Math.round(link.confidence() * 1000) / 1000.0))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UUID> linkedPhotos(UUID eventId) {
		return this.repository.linkedPhotos(eventId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Read> reads(UUID photoId) {
		return this.repository.reads(photoId)
			.stream()
			.map((r) -> new Read(r.bib(), r.readAs(), r.kind().name(), Math.round(r.confidence() * 1000) / 1000.0,
					new double[] { r.x(), r.y(), r.width(), r.height() }))
			.toList();
	}

	// One statement: no transaction, which would cost the public search three more round
	// trips to the database.
	@Override
	public Set<UUID> photosOf(UUID eventId, String bib) {
		return this.repository.photosOf(eventId, bib.strip().toUpperCase(Locale.ROOT));
	}

	/**
	 * The photos linked to any of some bibs (the runners a name search found).
	 * @param eventId the event
	 * @param bibs the bibs
	 * @return the photos' ids
	 */
	public Set<UUID> photosOfAny(UUID eventId, Collection<String> bibs) {
		return bibs.isEmpty() ? Set.of() : this.repository.photosOfAny(eventId, bibs);
	}

	/**
	 * Sets the bibs of a photo by hand: the given bibs are linked (source MANUAL), every
	 * other bib linked before is removed and stays removed through re-processing; then
	 * the photo's burst is linked again.
	 * @param photoId the photo
	 * @param accountId the caller (owner or photographer of the event)
	 * @param bibs the bibs on the photo
	 * @return the photo's links afterwards
	 */
	@Transactional
	public List<Link> correctBibs(UUID photoId, UUID accountId, Collection<String> bibs) {
		Photo photo = this.photos.find(photoId, accountId).orElseThrow(EventNotFoundException::new);
		Set<String> wanted = new LinkedHashSet<>();
		for (String bib : bibs) {
			String clean = (bib != null) ? bib.strip().toUpperCase(Locale.ROOT) : "";
			if (!BIB.matcher(clean).matches()) {
				throw new UserMistakeException("recognition.badBib", clean);
			}
			wanted.add(clean);
		}
		Set<String> before = this.repository.links(photoId)
			.stream()
			.map(RecognitionRepository.StoredLink::bib)
			.collect(Collectors.toSet());
		before.addAll(this.repository.manual(photoId).keySet());
		for (String bib : before) {
			if (!wanted.contains(bib)) {
				this.repository.setManual(photoId, photo.eventId(), bib, false, accountId, this.clock.instant());
			}
		}
		for (String bib : wanted) {
			this.repository.setManual(photoId, photo.eventId(), bib, true, accountId, this.clock.instant());
		}
		this.linker.linkWithBurst(photo);
		return links(photoId);
	}

	/**
	 * A runner says whether they are on a photo: their bib is linked to it (or unlinked
	 * from it) as a manual decision, which wins over automatic links and survives
	 * re-processing; then the photo's burst is linked again.
	 * @param photoId the photo (the caller checked the runner may see it)
	 * @param bib the runner's bib
	 * @param present true for "this is me", false for "not me"
	 * @param accountId the runner
	 * @return the photo's links afterwards
	 */
	@Transactional
	public List<Link> runnerSays(UUID photoId, String bib, boolean present, UUID accountId) {
		Photo photo = this.photos.get(photoId).orElseThrow(EventNotFoundException::new);
		String clean = (bib != null) ? bib.strip().toUpperCase(Locale.ROOT) : "";
		if (!BIB.matcher(clean).matches()) {
			throw new UserMistakeException("recognition.badBib", clean);
		}
		this.repository.setManual(photoId, photo.eventId(), clean, present, accountId, this.clock.instant());
		this.linker.linkWithBurst(photo);
		return links(photoId);
	}

	/**
	 * How well an event's photos are linked to its runners.
	 *
	 * @param publishedPhotos published photos
	 * @param linkedPhotos published photos linked to at least one runner
	 * @param orphans published photos linked to nobody
	 * @param runners runners on the start list
	 * @param runnersWithPhotos start-list runners with at least one photo
	 */
	public record Coverage(long publishedPhotos, long linkedPhotos, long orphans, long runners,
			long runnersWithPhotos) {

		public double photoShare() {
			return (this.publishedPhotos > 0) ? (double) this.linkedPhotos / this.publishedPhotos : 0;
		}

		public double runnerShare() {
			return (this.runners > 0) ? (double) this.runnersWithPhotos / this.runners : 0;
		}

	}

	@Transactional(readOnly = true)
	public Coverage coverage(UUID eventId, UUID accountId) {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		Set<UUID> published = this.photos.publishedIds(eventId);
		Set<UUID> linked = this.repository.linkedPhotos(eventId);
		long linkedPublished = linked.stream().filter(published::contains).count();
		Set<String> runners = this.startLists.runnersOf(eventId).stream().map(Runner::bib).collect(Collectors.toSet());
		Set<String> bibs = this.repository.linkedBibs(eventId);
		long runnersWithPhotos = runners.stream().filter(bibs::contains).count();
		return new Coverage(published.size(), linkedPublished, published.size() - linkedPublished, runners.size(),
				runnersWithPhotos);
	}

	/**
	 * A photo found by selfie.
	 *
	 * @param photoId the photo
	 * @param similarity cosine similarity (local models) or Rekognition's similarity, 0–1
	 * @param probable "probably you" (else "maybe you")
	 */
	public record SelfieHit(UUID photoId, double similarity, boolean probable) {
	}

	/**
	 * Similarity from which a selfie match is "maybe you": the cosine at which 0.1 % of
	 * different-person pairs of the dev pairs are accepted (see
	 * {@code docs/recognition.md}).
	 */
	static final double SELFIE_MAYBE = 0.46;

	/**
	 * Finds the event's photos showing the person of a selfie. The selfie is decoded and
	 * embedded in memory and forgotten: nothing of it is written anywhere, not even in
	 * the log.
	 * @param eventId the event (its face features on)
	 * @param selfie the picture's bytes
	 * @return the photos, most similar first; "probably you" at or above the face
	 * similarity used for linking
	 * @throws UserMistakeException when the picture cannot be read or shows no face
	 */
	public List<SelfieHit> searchBySelfie(UUID eventId, byte[] selfie) {
		java.awt.image.BufferedImage image;
		try {
			image = com.focusracer.photos.AnalysisImages.uprightInMemory(selfie, 1024);
		}
		catch (java.io.IOException | RuntimeException ex) {
			throw new UserMistakeException("selfie.unreadable");
		}
		List<SelfieHit> hits = new ArrayList<>();
		if (this.recognizers.onAws()) {
			List<String> ids = new ArrayList<>();
			Map<String, Double> similarity = new java.util.HashMap<>();
			for (var match : this.recognizers.rekognition().searchFacesByImage(eventId, image)) {
				ids.add(match.faceId());
				similarity.put(match.faceId(), match.similarity());
			}
			Map<UUID, Double> byPhoto = new java.util.HashMap<>();
			this.repository.photosOfExternalFaces(ids)
				.forEach((faceId, photoId) -> byPhoto.merge(photoId, similarity.get(faceId), Math::max));
			byPhoto.forEach((photoId, value) -> hits.add(new SelfieHit(photoId, value, value >= 0.95)));
		}
		else {
			var models = this.recognizers.faceModels().orElseThrow(FaceFeaturesUnavailableException::new);
			float[] query;
			try {
				query = models.selfieFace(image)
					.orElseThrow(() -> new UserMistakeException("selfie.noFace"))
					.embedding();
			}
			catch (ai.onnxruntime.OrtException ex) {
				throw new IllegalStateException("The face models failed on a selfie", ex);
			}
			this.selfieIndex.search(eventId, query, SELFIE_MAYBE)
				.forEach((photoId, value) -> hits.add(new SelfieHit(photoId, Math.round(value * 1000) / 1000.0,
						value >= this.properties.faceSimilarity())));
		}
		hits.sort(java.util.Comparator.comparingDouble(SelfieHit::similarity).reversed());
		return hits;
	}

	private final java.util.concurrent.ExecutorService warmer = java.util.concurrent.Executors
		.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "selfie-warm-up");
			thread.setDaemon(true);
			return thread;
		});

	private final Set<UUID> warming = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * Gets selfie search ready for an event in the background (the face models loaded,
	 * the event's faces read), while the runner takes their selfie: the first search of
	 * an event otherwise waits two seconds for both.
	 * @param eventId the event (its face features on)
	 */
	public void prepareSelfieSearch(UUID eventId) {
		if (this.recognizers.onAws() || !available() || !this.warming.add(eventId)) {
			return;
		}
		this.warmer.execute(() -> {
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

	/**
	 * Face features cannot run on this node: the face models are missing.
	 */
	public static class FaceFeaturesUnavailableException extends RuntimeException {

		public FaceFeaturesUnavailableException() {
			super("Face features are unavailable on this node: the build could not fetch the face models (npm)");
		}

	}

	/**
	 * Whether this node can detect and compare faces (the build fetched the face models).
	 * @return true when available
	 */
	@Override
	public boolean available() {
		return this.recognizers.faceModelsPresent();
	}

	/**
	 * Deletes the faces of every event whose face-data retention date has passed, or
	 * whose face features were turned off, and writes how many went in the audit log.
	 * @return faces deleted
	 */
	@Scheduled(initialDelayString = "${focusracer.recognition.retention-sweep-delay:PT1M}",
			fixedDelayString = "${focusracer.recognition.retention-sweep-every:PT1H}")
	@Transactional
	public int sweepFaceData() {
		LocalDate today = LocalDate.now(this.clock);
		int total = 0;
		for (UUID eventId : this.repository.eventsWithFaces()) {
			Event event = this.events.get(eventId).orElse(null);
			String reason = (event == null) ? "event deleted"
					: !event.faceSearch() ? "face features turned off" : event.faceDataDeleteAfter().isAfter(today)
							? null : "retention ended " + event.faceDataDeleteAfter();
			if (reason == null) {
				continue;
			}
			int deleted = this.repository.deleteFacesOf(eventId);
			this.faceIndex.forget(eventId);
			this.selfieIndex.forget(eventId);
			if (this.recognizers.onAws()) {
				this.recognizers.rekognition().deleteCollection(eventId);
			}
			total += deleted;
			this.audit.record(null, "system", "faces.deleted", "event", eventId.toString(),
					deleted + " faces deleted (" + reason + ")");
			log.info("Event {}: {} faces deleted ({})", eventId, deleted, reason);
		}
		return total;
	}

	@EventListener
	@Transactional
	void on(PhotoDeleted deleted) {
		if (this.recognizers.onAws()) {
			this.recognizers.rekognition()
				.removeFaces(deleted.eventId(),
						RecognitionRepository.externalIds(this.repository.faces(deleted.photoId())));
		}
		this.repository.deletePhoto(deleted.photoId());
	}

}

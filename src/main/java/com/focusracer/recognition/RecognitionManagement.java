package com.focusracer.recognition;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.focusracer.events.FaceFeatures;
import com.focusracer.photos.PhotoLabels;
import com.focusracer.recognition.internal.RecognitionRepository;
import com.focusracer.recognition.internal.Recognizers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognition's facade for what other modules read: who is on which photo (for listings
 * and search) and whether this node has face features. Corrections are made through
 * {@link BibCorrections}, selfie search through {@link SelfieSearch}, coverage figures
 * come from {@link EventCoverage}.
 */
@Service
public class RecognitionManagement implements PhotoLabels, FaceFeatures {

	private final RecognitionRepository repository;

	private final Recognizers recognizers;

	private final RecognitionSettings settings;

	private final com.focusracer.recognition.internal.TimingSuggestions suggestions;

	RecognitionManagement(RecognitionRepository repository, Recognizers recognizers, RecognitionSettings settings,
			com.focusracer.recognition.internal.TimingSuggestions suggestions) {
		this.suggestions = suggestions;
		this.settings = settings;
		this.repository = repository;
		this.recognizers = recognizers;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> timingSuggestions(UUID photoId) {
		return this.suggestions.of(photoId)
			.stream()
			.map(com.focusracer.recognition.internal.TimingSuggestions.Suggestion::bib)
			.toList();
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
	public Map<UUID, List<String>> unlistedReads(Collection<UUID> photoIds) {
		Map<UUID, List<String>> unlisted = new TreeMap<>();
		if (photoIds.isEmpty()) {
			return unlisted;
		}
		this.repository.reads(photoIds).forEach((photo, reads) -> {
			List<String> bibs = reads.stream()
				.filter((read) -> read.kind() == BibRead.Kind.NOT_ON_START_LIST)
				.map(RecognitionRepository.StoredRead::bib)
				.sorted()
				.toList();
			if (!bibs.isEmpty()) {
				unlisted.put(photo, bibs);
			}
		});
		return unlisted;
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
	 * How each photo of a bib is linked to it.
	 * @param eventId the event
	 * @param bib the bib
	 * @return per photo, its link's source ({@code OCR}, {@code MANUAL}, {@code FACE},
	 * {@code BURST}, {@code TIMING})
	 */
	public Map<UUID, String> linkSources(UUID eventId, String bib) {
		return this.repository.sourcesOf(eventId, bib.strip().toUpperCase(Locale.ROOT));
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
	 * Whether this node can detect and compare faces (the build fetched the face models)
	 * and the platform allows face features (its AI settings).
	 * @return true when available
	 */
	@Override
	public boolean allowed() {
		return this.settings.current().faceFeaturesAllowed();
	}

	@Override
	public boolean available() {
		return this.settings.current().faceFeaturesAllowed() && this.recognizers.faceModelsPresent();
	}

}

package com.focusracer.recognition.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.recognition.RecognitionProperties;
import com.focusracer.timing.Anchor;
import com.focusracer.timing.TimingMatch;
import com.focusracer.timing.TimingProperties;
import com.focusracer.timing.TimingSync;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a photo to its runners, each link with its source and confidence:
 * <ol>
 * <li>{@code OCR}: every accepted bib read on the photo;</li>
 * <li>photos with no bib read get {@code FACE} links (events with face features on: a
 * face close to a face seen above a read bib elsewhere in the event) and {@code BURST}
 * links (the runners of the same photographer's frames a few seconds away, when the
 * frames look alike);</li>
 * <li>photos with no bib read get a {@code TIMING} link when the runners whose passage at
 * the photographer's spot is near the photo's corrected time come down to one once the
 * other cues (a partial read, faces, the bibs of the burst's look-alike frames) are taken
 * into account; else those runners are stored as suggestions for triage;</li>
 * <li>{@code MANUAL}: bibs added by a person; bibs a person removed are never linked
 * again automatically.</li>
 * </ol>
 * The photos facade is injected lazily: the pipeline it drives runs this module's stages.
 */
@Component
public class Linker {

	private final RecognitionRepository repository;

	private final PhotoManagement photos;

	private final EventManagement events;

	private final FaceIndex faces;

	private final RecognitionProperties properties;

	private final com.focusracer.recognition.RecognitionSettings settings;

	private final TimingSync timing;

	private final TimingSuggestions suggestions;

	private final TimingProperties timingProperties;

	private final ApplicationEventPublisher publisher;

	Linker(RecognitionRepository repository, @Lazy PhotoManagement photos, EventManagement events, FaceIndex faces,
			RecognitionProperties properties, com.focusracer.recognition.RecognitionSettings settings,
			TimingSync timing, TimingSuggestions suggestions, TimingProperties timingProperties,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.settings = settings;
		this.timing = timing;
		this.suggestions = suggestions;
		this.timingProperties = timingProperties;
		this.repository = repository;
		this.photos = photos;
		this.events = events;
		this.faces = faces;
		this.properties = properties;
	}

	/**
	 * Links a photo, then re-links the photos of its burst that have no bib of their own
	 * (they may borrow this photo's runners).
	 * @param photo the photo
	 */
	@Transactional
	public void linkWithBurst(Photo photo) {
		List<Photo> burst = this.photos.takenAround(photo, this.properties.burstWindow());
		link(photo, burst);
		for (Photo other : burst) {
			if (!other.id().equals(photo.id())) {
				link(other, this.photos.takenAround(other, this.properties.burstWindow()));
			}
		}
	}

	void link(Photo photo, List<Photo> burst) {
		Map<String, Boolean> manual = this.repository.manual(photo.id());
		Map<String, RecognitionRepository.StoredLink> links = new HashMap<>();
		for (RecognitionRepository.StoredRead read : this.repository.reads(photo.id())) {
			if (read.kind().accepted()) {
				put(links, new RecognitionRepository.StoredLink(photo.id(), read.bib(), "OCR", read.confidence()));
			}
		}
		manual.forEach((bib, present) -> {
			if (present) {
				links.put(bib, new RecognitionRepository.StoredLink(photo.id(), bib, "MANUAL", 1.0));
			}
		});
		List<TimingMatch.Candidate> suggested = List.of();
		if (links.isEmpty()) {
			Event event = this.events.get(photo.eventId()).orElse(null);
			Set<String> faceBibs = new HashSet<>();
			if (event != null && this.settings.facesOn(event)) {
				for (FaceIndex.Match match : this.faces.matches(photo)) {
					put(links,
							new RecognitionRepository.StoredLink(photo.id(), match.bib(), "FACE", match.confidence()));
					faceBibs.add(match.bib());
				}
			}
			Set<String> burstBibs = new HashSet<>();
			for (RecognitionRepository.StoredLink link : burstLinks(photo, burst)) {
				put(links, link);
				burstBibs.add(link.bib());
			}
			suggested = timingLink(photo, faceBibs, burstBibs, links);
		}
		if (suggested.isEmpty()) {
			this.suggestions.clear(photo.id());
		}
		else {
			this.suggestions.replace(photo.id(), photo.eventId(), suggested,
					this.timingProperties.window().toMillis() / 1000.0);
		}
		manual.forEach((bib, present) -> {
			if (!present) {
				links.remove(bib);
			}
		});
		List<RecognitionRepository.StoredLink> sorted = new ArrayList<>(links.values());
		sorted.sort(Comparator.comparingDouble(RecognitionRepository.StoredLink::confidence).reversed());
		List<String> removed = this.repository.replaceLinks(photo.id(), photo.eventId(), sorted);
		if (!removed.isEmpty()) {
			this.publisher.publishEvent(
					new com.focusracer.recognition.RunnersUnlinked(photo.eventId(), photo.id(), Set.copyOf(removed)));
		}
	}

	/**
	 * Adds the {@code TIMING} link of a photo without a bib of its own, when timing and
	 * the other cues leave one runner.
	 * @return the suggestions when they leave several, else none
	 */
	private List<TimingMatch.Candidate> timingLink(Photo photo, Set<String> faceBibs, Set<String> burstBibs,
			Map<String, RecognitionRepository.StoredLink> links) {
		if (photo.takenAt() == null || !this.timing.hasTiming(photo.eventId())) {
			return List.of();
		}
		List<TimingMatch.Candidate> candidates = this.timing.candidates(photo.eventId(), photo.uploaderId(),
				photo.cameraSerial(), photo.takenAt(), () -> anchors(photo.eventId()));
		if (candidates.isEmpty()) {
			return List.of();
		}
		List<String> partial = this.repository.reads(photo.id())
			.stream()
			.filter((read) -> !read.kind().accepted())
			.map(RecognitionRepository.StoredRead::readAs)
			.filter((read) -> read != null)
			.toList();
		TimingMatch.Decision decision = TimingMatch.decide(candidates,
				new TimingMatch.Cues(partial, faceBibs, burstBibs));
		if (decision.linked()) {
			put(links,
					new RecognitionRepository.StoredLink(photo.id(), decision.bib(), "TIMING", decision.confidence()));
			return List.of();
		}
		return decision.suggestions();
	}

	/**
	 * The event's photos read surely with one runner: the anchors of the clock offsets.
	 */
	List<Anchor> anchors(UUID eventId) {
		Map<UUID, String> read = this.repository.surelyRead(eventId, this.timingProperties.anchorConfidence());
		if (read.isEmpty()) {
			return List.of();
		}
		List<Anchor> anchors = new ArrayList<>();
		for (Photo p : this.photos.ofEvent(eventId)) {
			String bib = read.get(p.id());
			if (bib != null && p.takenAt() != null) {
				anchors.add(new Anchor(p.id(), p.uploaderId(), (p.cameraSerial() != null) ? p.cameraSerial() : "",
						p.takenAt(), bib));
			}
		}
		return anchors;
	}

	private List<RecognitionRepository.StoredLink> burstLinks(Photo photo, List<Photo> burst) {
		List<UUID> others = burst.stream().map(Photo::id).filter((id) -> !id.equals(photo.id())).toList();
		if (others.isEmpty()) {
			return List.of();
		}
		List<UUID> all = new ArrayList<>(others);
		all.add(photo.id());
		Map<UUID, float[]> signatures = this.repository.signatures(all);
		float[] mine = signatures.get(photo.id());
		if (mine == null) {
			return List.of();
		}
		Map<UUID, List<RecognitionRepository.StoredLink>> linksOfOthers = this.repository.links(others);
		List<RecognitionRepository.StoredLink> found = new ArrayList<>();
		for (UUID other : others) {
			float[] theirs = signatures.get(other);
			if (theirs == null) {
				continue;
			}
			double similarity = Signatures.similarity(mine, theirs);
			if (similarity < this.properties.burstSimilarity()) {
				continue;
			}
			for (RecognitionRepository.StoredLink link : linksOfOthers.getOrDefault(other, List.of())) {
				if (link.source().equals("OCR") || link.source().equals("MANUAL")) {
					found.add(new RecognitionRepository.StoredLink(photo.id(), link.bib(), "BURST",
							Math.min(0.9, link.confidence()) * similarity));
				}
			}
		}
		return found;
	}

	private static void put(Map<String, RecognitionRepository.StoredLink> links,
			RecognitionRepository.StoredLink link) {
		links.merge(link.bib(), link, (a, b) -> (a.confidence() >= b.confidence()) ? a : b);
	}

}

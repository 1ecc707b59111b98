package com.focusracer.recognition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.recognition.internal.RecognitionRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coverage figures of an event, for its team: how many published photos are linked to
 * a runner, how many start-list runners have a photo.
 */
@Service
public class EventCoverage {

	private final RecognitionRepository repository;

	private final PhotoManagement photos;

	private final EventManagement events;

	private final StartLists startLists;

	/** How late the public pages' figures may be. */
	static final Duration PUBLIC_FRESHNESS = Duration.ofSeconds(15);

	private record CachedFigures(PublicCoverage figures, Instant at) {
	}

	private final Map<UUID, CachedFigures> publicCache = new ConcurrentHashMap<>();

	private final Clock clock;

	EventCoverage(RecognitionRepository repository, PhotoManagement photos, EventManagement events,
			StartLists startLists, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.photos = photos;
		this.events = events;
		this.startLists = startLists;
	}

	/**
	 * The coverage of an event the caller works on.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer of the event)
	 * @return the figures
	 * @throws EventNotFoundException when the caller does not work on the event
	 */
	@Transactional(readOnly = true)
	public Coverage of(UUID eventId, UUID accountId) {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		return figures(eventId);
	}

	/**
	 * The race-day board of an event the caller works on.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer of the event)
	 * @return the board
	 * @throws EventNotFoundException when the caller does not work on the event
	 */
	@Transactional(readOnly = true)
	public CoverageBoard board(UUID eventId, UUID accountId) {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		Set<String> bibs = this.repository.linkedBibs(eventId);
		Map<String, Map<String, List<Runner>>> missing = new TreeMap<>();
		this.startLists.runnersOf(eventId)
			.stream()
			.filter((runner) -> !bibs.contains(runner.bib()))
			.sorted(Comparator.comparing(Runner::bib, EventCoverage::byNumber))
			.forEach((runner) -> missing
				.computeIfAbsent((runner.category() != null) ? runner.category() : "", (key) -> new TreeMap<>())
				.computeIfAbsent((runner.wave() != null) ? runner.wave() : "", (key) -> new ArrayList<>())
				.add(runner.withoutPrivateFields()));
		Set<UUID> linked = this.repository.linkedPhotos(eventId);
		List<UUID> orphans = this.photos.ofEvent(eventId)
			.stream()
			.filter((photo) -> photo.isPublic() && !linked.contains(photo.id()))
			.sorted(Comparator.comparing(Photo::createdAt).reversed())
			.limit(CoverageBoard.ORPHANS_SHOWN)
			.map(Photo::id)
			.toList();
		return new CoverageBoard(figures(eventId), missing, orphans);
	}

	/**
	 * What an event's public page says: start-list runners with a public photo, and when
	 * the last one was added (at most {@link #PUBLIC_FRESHNESS} late on each node).
	 * @param eventId the event (the caller checked the reader may see it)
	 * @return the figures
	 */
	public PublicCoverage publicFigures(UUID eventId) {
		// Every view of a public page would read all the event's links: a few seconds
		// late
		// is fine for a figure that grows all race day.
		Instant now = this.clock.instant();
		CachedFigures cached = this.publicCache.get(eventId);
		if (cached != null && cached.at().plus(PUBLIC_FRESHNESS).isAfter(now)) {
			return cached.figures();
		}
		if (this.publicCache.size() > 10_000) {
			this.publicCache.clear();
		}
		PublicCoverage figures = readPublicFigures(eventId);
		this.publicCache.put(eventId, new CachedFigures(figures, now));
		return figures;
	}

	private PublicCoverage readPublicFigures(UUID eventId) {
		Set<UUID> published = this.photos.publishedIds(eventId);
		Set<String> bibs = this.repository.eventLinks(eventId)
			.stream()
			.filter((link) -> published.contains(link.photoId()))
			.map(RecognitionRepository.StoredLink::bib)
			.collect(Collectors.toSet());
		List<Runner> runners = this.startLists.runnersOf(eventId);
		long withPhotos = runners.stream().filter((runner) -> bibs.contains(runner.bib())).count();
		return new PublicCoverage(runners.size(), withPhotos, this.photos.galleryTimes(eventId).lastAddedAt());
	}

	/**
	 * How well recognition did on any event, for the platform's admins.
	 * @param eventId the event
	 * @return the figures
	 * @throws EventNotFoundException when there is no such event
	 */
	@Transactional(readOnly = true)
	public RecognitionQuality quality(UUID eventId) {
		this.events.get(eventId).orElseThrow(EventNotFoundException::new);
		Set<UUID> published = this.photos.publishedIds(eventId);
		Map<String, Set<UUID>> bySource = new HashMap<>();
		this.repository.eventLinks(eventId)
			.stream()
			.filter((link) -> published.contains(link.photoId()))
			.forEach((link) -> bySource.computeIfAbsent(link.source(), (key) -> new HashSet<>()).add(link.photoId()));
		Map<String, Long> counts = new LinkedHashMap<>();
		RecognitionQuality.SOURCES
			.forEach((source) -> counts.put(source, (long) bySource.getOrDefault(source, Set.of()).size()));
		Map<String, Long> kinds = this.repository.readKinds(eventId);
		return new RecognitionQuality(figures(eventId), counts, kinds.getOrDefault("DOUBTFUL", 0L),
				kinds.getOrDefault("NOT_ON_START_LIST", 0L), this.photos.galleryTimes(eventId));
	}

	/** Bibs in number order where both are numbers (2 before 10), else as text. */
	private static int byNumber(String a, String b) {
		if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)
				&& a.length() != b.length()) {
			return Integer.compare(a.length(), b.length());
		}
		return a.compareTo(b);
	}

	/**
	 * The figures of an event, for a caller that already checked who may see them (a live
	 * stream the team opened).
	 * @param eventId the event
	 * @return the figures
	 */
	@Transactional(readOnly = true)
	public Coverage figuresOf(UUID eventId) {
		return figures(eventId);
	}

	private Coverage figures(UUID eventId) {
		Set<UUID> published = this.photos.publishedIds(eventId);
		Set<UUID> linked = this.repository.linkedPhotos(eventId);
		long linkedPublished = linked.stream().filter(published::contains).count();
		Set<String> runners = this.startLists.runnersOf(eventId).stream().map(Runner::bib).collect(Collectors.toSet());
		Set<String> bibs = this.repository.linkedBibs(eventId);
		long runnersWithPhotos = runners.stream().filter(bibs::contains).count();
		return new Coverage(published.size(), linkedPublished, published.size() - linkedPublished, runners.size(),
				runnersWithPhotos);
	}

}

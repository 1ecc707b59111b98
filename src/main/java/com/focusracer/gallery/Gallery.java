package com.focusracer.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventAddressChanged;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Runner;
import com.focusracer.events.Visibility;
import com.focusracer.gallery.internal.RunnerDirectory;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.recognition.RecognitionManagement;
import com.focusracer.recognition.SelfieSearch;
import com.focusracer.shared.Bib;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the public sees of events: listed events, an event's published photos found by
 * bib, name or selfie, one photo. Never an original, a hidden or failed photo, another
 * event's photo, face data, or a start list's private fields.
 */
@Service
public class Gallery {

	/** Up to this many photos, a search reads them all at once and pages them itself. */
	private static final int WHOLE = 1000;

	private final EventManagement events;

	private final PhotoManagement photos;

	private final RecognitionManagement recognition;

	private final SelfieSearch selfies;

	private final RunnerDirectory directory;

	private final GalleryProperties properties;

	private final BestFirst bestFirst;

	Gallery(EventManagement events, PhotoManagement photos, RecognitionManagement recognition, SelfieSearch selfies,
			RunnerDirectory directory, GalleryProperties properties, BestFirst bestFirst) {
		this.bestFirst = bestFirst;
		this.events = events;
		this.photos = photos;
		this.recognition = recognition;
		this.selfies = selfies;
		this.directory = directory;
		this.properties = properties;
	}

	/**
	 * A runner as the public sees them: bib, shown name, category; no e-mail, no birth
	 * year, no club.
	 *
	 * @param bib the bib
	 * @param name first name and initial of the last name, or the full name when the
	 * organizer chose so
	 * @param category the category, may be null
	 */
	public record PublicRunner(String bib, String name, String category) {
	}

	/**
	 * A page of photos found.
	 *
	 * @param photos the photos, latest shot first (or most similar first for a selfie)
	 * @param total how many in all
	 * @param runners the runners the search named (a name search may find several)
	 */
	public record Found(List<Photo> photos, long total, List<PublicRunner> runners) {

		static Found none() {
			return new Found(List.of(), 0, List.of());
		}

	}

	/**
	 * A photo found by selfie.
	 *
	 * @param photo the photo
	 * @param similarity 0–1
	 * @param probable "probably you", else "maybe you"
	 */
	public record SelfieMatch(Photo photo, double similarity, boolean probable) {
	}

	/**
	 * An event whose gallery this viewer may see: public and unlisted events for
	 * everyone, private ones for their team only.
	 * @param slug the event's address
	 * @param viewerId the signed-in account, or null
	 * @return the event, or empty
	 */
	public Optional<Event> event(String slug, UUID viewerId) {
		return bySlug(slug).filter((event) -> event.visibility() != Visibility.PRIVATE
				|| (viewerId != null && this.events.find(event.id(), viewerId).isPresent()));
	}

	/**
	 * Events by address, kept 10 seconds: every public search starts with this lookup,
	 * and an organizer's change reaches the public pages within that time.
	 */
	private final Map<String, CachedEvent> eventCache = new java.util.concurrent.ConcurrentHashMap<>();

	private record CachedEvent(Optional<Event> event, long at) {
	}

	/**
	 * Forgets an address that no longer leads to its event (the event became unlisted),
	 * so that this node stops serving it at once rather than within 10 seconds.
	 * @param changed the change
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void forget(EventAddressChanged changed) {
		this.eventCache.remove(changed.oldSlug());
	}

	private Optional<Event> bySlug(String slug) {
		long now = System.nanoTime();
		CachedEvent cached = this.eventCache.get(slug);
		if (cached == null || now - cached.at() > 10_000_000_000L) {
			if (this.eventCache.size() > 10_000) {
				this.eventCache.clear();
			}
			cached = new CachedEvent(this.events.findBySlug(slug), now);
			this.eventCache.put(slug, cached);
		}
		return cached.event();
	}

	/**
	 * An event by id, whatever its visibility (for live updates of pages already
	 * allowed).
	 * @param eventId the event
	 * @return the event
	 */
	public Optional<Event> eventById(UUID eventId) {
		return this.events.get(eventId);
	}

	/**
	 * Whether a bib belongs to an event: on its start list, or read on its photos, or,
	 * for an event without a start list, any well-formed bib (its photos may be still to
	 * come).
	 * @param event the event
	 * @param bib the bib as typed
	 * @return true for a bib of the event
	 */
	public boolean isBibOf(Event event, String bib) {
		Optional<Bib> parsed = Bib.parse(bib);
		if (parsed.isEmpty()) {
			return false;
		}
		String clean = parsed.get().value();
		if (this.directory.byBib(event.id(), clean) != null
				|| !this.recognition.photosOf(event.id(), clean).isEmpty()) {
			return true;
		}
		return !this.directory.hasRunners(event.id());
	}

	/**
	 * The bibs linked to a photo.
	 * @param photo the photo
	 * @return the bibs
	 */
	public Set<String> bibsOf(Photo photo) {
		return new java.util.HashSet<>(this.recognition.bibs(List.of(photo.id())).getOrDefault(photo.id(), List.of()));
	}

	/**
	 * How many photos of the event are published.
	 * @param event the event
	 * @return the count
	 */
	public long photoCount(Event event) {
		return this.photos.countPublished(event.id());
	}

	/**
	 * The published photos of a bib.
	 * @param event the event
	 * @param bib the bib as typed
	 * @param page 0-based page
	 * @return the photos, best portrait first on an event with face features on, else
	 * latest shot first
	 */
	public Found byBib(Event event, String bib, int page) {
		Optional<Bib> parsed = Bib.parse(bib);
		if (parsed.isEmpty()) {
			return Found.none();
		}
		String clean = parsed.get().value();
		Runner runner = this.directory.byBib(event.id(), clean);
		List<PublicRunner> runners = (runner != null) ? List.of(shown(event, runner)) : List.of();
		// One query gives the photos and how each is linked (the search order needs
		// both).
		Map<UUID, String> sources = this.recognition.linkSources(event.id(), clean);
		return page(event, sources.keySet(), page, runners, clean, sources);
	}

	/**
	 * The published photos of a bib in search order, for walking through them.
	 * @param event the event
	 * @param bib the bib
	 * @param limit the most photos
	 * @return the photos, in the order of {@link #byBib}
	 */
	public List<Photo> sequence(Event event, String bib, int limit) {
		Map<UUID, String> sources = this.recognition.linkSources(event.id(), bib);
		int read = Math.max(limit, WHOLE);
		List<Photo> all = this.bestFirst.order(event, bib,
				this.photos.publishedAmong(event.id(), sources.keySet(), read, 0), sources);
		return List.copyOf(all.subList(0, Math.min(limit, all.size())));
	}

	/**
	 * The runners of the start list matching a typed name, as the public may see them.
	 * @param event the event
	 * @param name what was typed
	 * @return the runners, at most 50
	 */
	public List<PublicRunner> runnersNamed(Event event, String name) {
		return this.directory.search(event.id(), name).stream().map((runner) -> shown(event, runner)).toList();
	}

	/**
	 * The published photos of the runners matching a typed name (all of them when several
	 * share it; the page then lets the person choose).
	 * @param event the event
	 * @param name what was typed
	 * @param page 0-based page
	 * @return the photos and the runners found
	 */
	public Found byName(Event event, String name, int page) {
		List<PublicRunner> runners = runnersNamed(event, name);
		Set<UUID> ids = this.recognition.photosOfAny(event.id(), runners.stream().map(PublicRunner::bib).toList());
		return page(event, ids, page, runners, null, Map.of());
	}

	/**
	 * The published photos that show the person of a selfie. The selfie is only held in
	 * memory for the comparison.
	 * @param event the event (face features on)
	 * @param selfie the picture
	 * @return the photos, "probably you" first, most similar first
	 */
	public List<SelfieMatch> bySelfie(Event event, byte[] selfie) {
		List<SelfieSearch.Hit> hits = this.selfies.search(event.id(), selfie);
		Map<UUID, SelfieSearch.Hit> byPhoto = new LinkedHashMap<>();
		for (SelfieSearch.Hit hit : hits) {
			byPhoto.putIfAbsent(hit.photoId(), hit);
		}
		List<UUID> ids = new ArrayList<>(byPhoto.keySet()).subList(0, Math.min(byPhoto.size(), 500));
		List<SelfieMatch> matches = new ArrayList<>();
		for (Photo photo : this.photos.publishedAmong(event.id(), ids, ids.size(), 0)) {
			SelfieSearch.Hit hit = byPhoto.get(photo.id());
			matches.add(new SelfieMatch(photo, hit.similarity(), hit.probable()));
		}
		matches.sort(Comparator.comparing((SelfieMatch m) -> !m.probable())
			.thenComparing(Comparator.comparingDouble(SelfieMatch::similarity).reversed()));
		return matches;
	}

	/**
	 * Whether selfie search can be offered for the event: its face features are on and
	 * this node has the face models.
	 * @param event the event
	 * @return true when offered
	 */
	public boolean selfieSearch(Event event) {
		return event.faceSearch() && this.recognition.available();
	}

	/**
	 * Gets selfie search ready in the background for a page that offers it.
	 * @param event the event (face features on)
	 */
	public void prepareSelfieSearch(Event event) {
		this.selfies.prepare(event.id());
	}

	/**
	 * A published photo of the event.
	 * @param event the event
	 * @param photoId the photo
	 * @return the photo, or empty (another event's, hidden, failed, unknown)
	 */
	public Optional<Photo> photo(Event event, UUID photoId) {
		return this.photos.published(photoId).filter((photo) -> photo.eventId().equals(event.id()));
	}

	/**
	 * A published photo of any event (the caller checks the viewer may see its event).
	 * @param photoId the photo
	 * @return the photo, or empty
	 */
	public Optional<Photo> publishedPhoto(UUID photoId) {
		return this.photos.published(photoId);
	}

	/**
	 * The runners linked to a photo, as the public sees them.
	 * @param event the event
	 * @param photo the photo
	 * @return the runners (a bib not on the start list has no name)
	 */
	public List<PublicRunner> runnersOn(Event event, Photo photo) {
		List<PublicRunner> runners = new ArrayList<>();
		for (String bib : this.recognition.bibs(List.of(photo.id())).getOrDefault(photo.id(), List.of())) {
			Runner runner = this.directory.byBib(event.id(), bib);
			runners.add((runner != null) ? shown(event, runner) : new PublicRunner(bib, null, null));
		}
		return runners;
	}

	/**
	 * Opens the watermarked version of a published photo.
	 * @param photo a photo returned by {@link #photo(Event, UUID)}
	 * @param web true for the large version, false for the thumbnail
	 * @return the JPEG bytes
	 * @throws IOException when the store fails
	 */
	public Optional<InputStream> open(Photo photo, boolean web) throws IOException {
		return this.photos.openPublished(photo, web);
	}

	public int pageSize() {
		return this.properties.pageSize();
	}

	private Found page(Event event, Set<UUID> ids, int page, List<PublicRunner> runners, String bib,
			Map<UUID, String> sources) {
		if (ids.isEmpty()) {
			return new Found(List.of(), 0, runners);
		}
		int size = this.properties.pageSize();
		int from = Math.max(0, page) * size;
		// One query for a runner's photos (a few dozen, a few hundred for a common name):
		// all of them, paged here; two (a page and a count) only beyond that.
		List<Photo> all = this.photos.publishedAmong(event.id(), ids, WHOLE + 1, 0);
		if (all.size() <= WHOLE) {
			all = this.bestFirst.order(event, bib, all, sources);
			List<Photo> slice = (from < all.size()) ? all.subList(from, Math.min(all.size(), from + size)) : List.of();
			return new Found(List.copyOf(slice), all.size(), runners);
		}
		List<Photo> found = this.photos.publishedAmong(event.id(), ids, size, from);
		return new Found(found, this.photos.countPublishedAmong(event.id(), ids), runners);
	}

	/**
	 * A runner as the public sees them.
	 * @param event the event (its full-names choice)
	 * @param runner the start-list line
	 * @return bib, shown name, category
	 */
	static PublicRunner shown(Event event, Runner runner) {
		String first = (runner.firstName() != null) ? runner.firstName().strip() : "";
		String last = (runner.lastName() != null) ? runner.lastName().strip() : "";
		String name;
		if (event.publicFullNames() || last.isEmpty()) {
			name = (first + " " + last).strip();
		}
		else {
			name = (first + " " + last.substring(0, last.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".")
				.strip();
		}
		return new PublicRunner(runner.bib(), name, runner.category());
	}

}

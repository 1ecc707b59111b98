package com.focusracer.gallery.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventImages;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.Visibility;
import com.focusracer.gallery.EventOffers;
import com.focusracer.gallery.EventSearch;
import com.focusracer.gallery.Gallery;
import com.focusracer.recognition.EventCoverage;
import com.focusracer.gallery.GalleryVisited;
import com.focusracer.photos.Photo;
import com.focusracer.shared.Bib;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public pages: the home page and event list, an event's page with its search, the
 * photo viewer, watermarked previews, the event's cover and colours.
 */
@Controller
public class GalleryPages {

	/** Most photos the viewer walks through in one search. */
	private static final int SEQUENCE = 2000;

	private final Gallery gallery;

	private final EventSearch search;

	private final EventImages images;

	private final ObjectProvider<EventOffers> offers;

	private final EventCoverage coverage;

	private final CountedVisits visits;

	GalleryPages(Gallery gallery, EventSearch search, EventImages images, ObjectProvider<EventOffers> offers,
			EventCoverage coverage, CountedVisits visits) {
		this.coverage = coverage;
		this.visits = visits;
		this.gallery = gallery;
		this.search = search;
		this.images = images;
		this.offers = offers;
	}

	@GetMapping("/")
	ModelAndView home(@RequestParam(required = false) String q) {
		List<Event> events = this.search.listed(q, LocalDate.now());
		return new ModelAndView("gallery/home",
				Map.of("events", events.subList(0, Math.min(12, events.size())), "query", (q != null) ? q : ""));
	}

	@GetMapping("/events")
	ModelAndView events(@RequestParam(required = false) String q) {
		return new ModelAndView("gallery/events",
				Map.of("events", this.search.listed(q, LocalDate.now()), "query", (q != null) ? q : ""));
	}

	/**
	 * The favourites kept in this browser.
	 * @return the page
	 */
	@GetMapping("/favourites")
	String favourites() {
		return "gallery/favourites";
	}

	@GetMapping("/events/{slug}")
	ModelAndView event(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@RequestParam(required = false) String q, @RequestParam(required = false) String bib,
			@RequestParam(defaultValue = "0") int page, java.util.Locale locale) {
		Event event = visible(slug, principal);
		String query = (q != null) ? q.strip() : "";
		Gallery.Found found = null;
		String searchedBib = null;
		List<Gallery.PublicRunner> choices = List.of();
		if (bib != null && !bib.isBlank()) {
			searchedBib = Bib.normalise(bib);
			found = this.gallery.byBib(event, searchedBib, page);
			query = searchedBib;
		}
		else if (looksLikeABib(query)) {
			searchedBib = Bib.normalise(query);
			found = this.gallery.byBib(event, searchedBib, page);
		}
		else if (!query.isEmpty()) {
			choices = this.gallery.runnersNamed(event, query);
			if (choices.size() == 1) {
				searchedBib = choices.get(0).bib();
				found = this.gallery.byBib(event, searchedBib, page);
				choices = List.of();
			}
		}
		if (page <= 0) {
			measure(event, query, bib, found, choices);
		}
		boolean selfie = this.gallery.selfieSearch(event);
		if (selfie) {
			this.gallery.prepareSelfieSearch(event);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		long photoCount = this.gallery.photoCount(event);
		// Once photos are out, how many runners they reach: a figure people steer by.
		model.put("coverage", (photoCount > 0) ? this.coverage.publicFigures(event.id()) : null);
		model.put("page", new EventPage(event, photoCount, selfie,
				this.images.get(event.id(), EventImages.Kind.COVER).isPresent(), absolute(GalleryLinks.event(event)),
				absolute(GalleryLinks.event(event) + "/cover.jpg"), event.visibility() != Visibility.PUBLIC));
		model.put("query", query);
		model.put("bib", (searchedBib != null) ? searchedBib : "");
		// A runner's result page, shared, shows the runner: the teaser of their best
		// photo.
		model.put("teaserUrl", (found != null && found.total() > 0 && searchedBib != null)
				? absolute(GalleryLinks.event(event) + "/teaser.jpg") + "?bib=" + searchedBib : null);
		model.put("found", found);
		model.put("choices", choices);
		model.put("pageNumber", Math.max(0, page));
		model.put("pageSize", this.gallery.pageSize());
		EventOffers offers = this.offers.getIfAvailable();
		model.put("offer", (offers != null) ? offers.of(event, locale).orElse(null) : null);
		model.put("runnerOffer",
				(offers != null && found != null && searchedBib != null)
						? offers.forRunner(event, searchedBib, (int) Math.min(found.total(), Integer.MAX_VALUE), locale)
							.orElse(null)
						: null);
		return new ModelAndView("gallery/event", model);
	}

	/**
	 * What the event page shows besides the search.
	 *
	 * @param event the event
	 * @param photoCount published photos
	 * @param selfieSearch whether selfie search is offered
	 * @param hasCover whether the organizer gave a cover image
	 * @param url the page's full address (for sharing)
	 * @param coverUrl the cover's full address (for link previews)
	 * @param noIndex whether search engines must not list it (unlisted, private)
	 */
	public record EventPage(Event event, long photoCount, boolean selfieSearch, boolean hasCover, String url,
			String coverUrl, boolean noIndex) {
	}

	/**
	 * The viewer: one photo at web size, the previous and next ones of the same search,
	 * the other photos of the runners on it.
	 *
	 * @param photo the photo
	 * @param runners the runners linked to it
	 * @param previous the previous photo's page, or null
	 * @param next the next photo's page, or null
	 * @param position 1-based position in the search, 0 when unknown
	 * @param count photos in the search
	 * @param others other photos of the runners, at most 12
	 * @param shareUrl the photo's full address
	 * @param backUrl the search it came from
	 */
	public record Viewer(Photo photo, List<Gallery.PublicRunner> runners, String previous, String next, int position,
			int count, List<Photo> others, String shareUrl, String backUrl) {
	}

	/**
	 * Counts the visit: the page itself, or a search by bib or by name (found when it
	 * shows photos or runners to choose from). Later pages of a search are not counted.
	 */
	private void measure(Event event, String query, String bib, Gallery.Found found,
			List<Gallery.PublicRunner> choices) {
		boolean byBib = (bib != null && !bib.isBlank()) || looksLikeABib(query);
		if (!byBib && query.isEmpty()) {
			this.visits.count(GalleryVisited.of(event.id(), GalleryVisited.Step.EVENT_PAGE));
			return;
		}
		boolean any = (found != null && found.total() > 0) || !choices.isEmpty();
		this.visits.count(new GalleryVisited(event.id(),
				byBib ? GalleryVisited.Step.BIB_SEARCH : GalleryVisited.Step.NAME_SEARCH, any));
	}

	/**
	 * Counts a photo put in the browser's cart (the cart script tells; nothing else is
	 * sent).
	 */
	@PostMapping("/events/{slug}/cart-additions")
	ResponseEntity<Void> cartAddition(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug) {
		Event event = visible(slug, principal);
		this.visits.count(GalleryVisited.of(event.id(), GalleryVisited.Step.CART_ADD));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/events/{slug}/photos/{id}")
	ModelAndView photo(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@PathVariable UUID id, @RequestParam(required = false) String bib, java.util.Locale locale) {
		Event event = visible(slug, principal);
		Photo photo = this.gallery.photo(event, id).orElseThrow(EventNotFoundException::new);
		this.visits.count(GalleryVisited.of(event.id(), GalleryVisited.Step.PHOTO_VIEW));
		List<Gallery.PublicRunner> runners = this.gallery.runnersOn(event, photo);
		String context = Bib.parse(bib).map(Bib::value).orElse(runners.isEmpty() ? null : runners.get(0).bib());
		String previous = null;
		String next = null;
		int position = 0;
		int count = 0;
		List<Photo> others = new ArrayList<>();
		if (context != null) {
			List<Photo> sequence = this.gallery.sequence(event, context, SEQUENCE);
			count = sequence.size();
			for (int i = 0; i < sequence.size(); i++) {
				if (sequence.get(i).id().equals(id)) {
					position = i + 1;
					String suffix = "?bib=" + context;
					previous = (i > 0) ? GalleryLinks.photo(event, sequence.get(i - 1)) + suffix : null;
					next = (i + 1 < sequence.size()) ? GalleryLinks.photo(event, sequence.get(i + 1)) + suffix : null;
				}
			}
			for (Photo other : sequence) {
				if (!other.id().equals(id) && others.size() < 12) {
					others.add(other);
				}
			}
		}
		String back = GalleryLinks.event(event) + ((context != null) ? "?bib=" + context : "");
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("viewer", new Viewer(photo, runners, previous, next, position, count, others,
				absolute(GalleryLinks.photo(event, photo)), back));
		model.put("bib", (context != null) ? context : "");
		EventOffers offers = this.offers.getIfAvailable();
		model.put("offer", (offers != null) ? offers.of(event, locale).orElse(null) : null);
		model.put("runnerOffer", (offers != null && context != null && count > 0)
				? offers.forRunner(event, context, count, locale).orElse(null) : null);
		return new ModelAndView("gallery/viewer", model);
	}

	@GetMapping("/events/{slug}/photos/{id}/{kind:thumb|web}.jpg")
	ResponseEntity<InputStreamResource> preview(@AuthenticationPrincipal AccountPrincipal principal,
			@PathVariable String slug, @PathVariable UUID id, @PathVariable String kind) throws IOException {
		Event event = visible(slug, principal);
		Photo photo = this.gallery.photo(event, id).orElseThrow(EventNotFoundException::new);
		InputStream in = this.gallery.open(photo, "web".equals(kind)).orElseThrow(EventNotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(cacheFor(event, Duration.ofHours(1)))
			.eTag("\"" + photo.sha256().substring(0, 16) + "-" + kind + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(in));
	}

	@GetMapping("/events/{slug}/cover.jpg")
	ResponseEntity<byte[]> cover(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug) {
		Event event = visible(slug, principal);
		return this.images.get(event.id(), EventImages.Kind.COVER)
			.map((bytes) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(EventImages.Kind.COVER.contentType()))
				.cacheControl(cacheFor(event, Duration.ofMinutes(10)))
				.body(bytes))
			.orElseThrow(EventNotFoundException::new);
	}

	/**
	 * The event's colour as a style sheet (the pages allow no inline style).
	 * @param principal the viewer
	 * @param slug the event
	 * @return {@code :root { --event: #RRGGBB }}
	 */
	@GetMapping(path = "/events/{slug}/brand.css", produces = "text/css")
	ResponseEntity<String> brand(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug) {
		Event event = visible(slug, principal);
		String color = (event.primaryColor() != null && event.primaryColor().matches("#[0-9A-Fa-f]{6}"))
				? event.primaryColor() : "#e8542f";
		return ResponseEntity.ok()
			.cacheControl(cacheFor(event, Duration.ofMinutes(10)))
			.body(":root { --event: " + color + "; }\n");
	}

	/**
	 * What a private event's team sees must stay in their browser, never in a shared
	 * cache (a proxy or CDN would hand it to anyone asking the same address).
	 */
	private static CacheControl cacheFor(Event event, Duration maxAge) {
		return (event.visibility() == Visibility.PRIVATE) ? CacheControl.maxAge(maxAge).cachePrivate()
				: CacheControl.maxAge(maxAge).cachePublic();
	}

	/**
	 * Whether the search box holds a bib rather than a name: a bib with a digit in it
	 * (DUPONT is a name, though it would make a bib).
	 */
	private static boolean looksLikeABib(String query) {
		return Bib.parse(query).isPresent() && query.chars().anyMatch(Character::isDigit);
	}

	private Event visible(String slug, AccountPrincipal principal) {
		return this.gallery.event(slug, (principal != null) ? principal.id() : null)
			.orElseThrow(EventNotFoundException::new);
	}

	private static String absolute(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

}

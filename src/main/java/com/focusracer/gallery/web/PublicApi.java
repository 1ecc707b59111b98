package com.focusracer.gallery.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.events.Event;
import com.focusracer.gallery.EventSearch;
import com.focusracer.gallery.Gallery;
import com.focusracer.gallery.GalleryVisited;
import com.focusracer.gallery.GalleryProperties;
import com.focusracer.photos.Photo;

import com.focusracer.shared.UserMistakeException;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public API: {@code GET /api/v1/public/events/{slug}}, its photos by bib or name,
 * and selfie search. Published, watermarked previews only; private events do not exist
 * here.
 */
@RestController
class PublicApi {

	private final Gallery gallery;

	private final EventSearch search;

	private final RateLimits limits;

	private final GalleryProperties properties;

	private final MessageSource messages;

	private final com.focusracer.privacy.Consents consents;

	private final CountedVisits visits;

	PublicApi(Gallery gallery, EventSearch search, RateLimits limits, GalleryProperties properties,
			MessageSource messages, com.focusracer.privacy.Consents consents, CountedVisits visits) {
		this.visits = visits;
		this.search = search;
		this.consents = consents;
		this.messages = messages;
		this.gallery = gallery;
		this.limits = limits;
		this.properties = properties;
	}

	record EventView(String id, String slug, String name, LocalDate date, String location, boolean faceSearch,
			long photoCount, String url) {
	}

	record Item(String id, String thumbnailUrl, String webUrl, String pageUrl, Instant takenAt) {
	}

	record Items(List<Item> items, long total, List<Gallery.PublicRunner> runners) {
	}

	record SelfieItem(String id, String thumbnailUrl, String webUrl, String pageUrl, Instant takenAt, double similarity,
			String tier) {
	}

	record SelfieItems(List<SelfieItem> items, long total) {
	}

	@GetMapping("/api/v1/public/events")
	List<EventView> events(@RequestParam(required = false) String q) {
		return this.search.listed(q, LocalDate.now()).stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/public/events/{slug}")
	EventView event(@PathVariable String slug) {
		return view(event(slug, false));
	}

	@GetMapping("/api/v1/public/events/{slug}/photos")
	Items photos(@PathVariable String slug, @RequestParam(required = false) String bib,
			@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page) {
		Event event = event(slug, false);
		Gallery.Found found;
		if (bib != null && !bib.isBlank()) {
			found = this.gallery.byBib(event, bib, page);
		}
		else if (name != null && !name.isBlank()) {
			found = this.gallery.byName(event, name, page);
		}
		else {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Say whose photos you want: ?bib=1234 or ?name=dupont (a name, part of it, or 'Dupont J').");
		}
		if (page == 0) {
			this.visits.count(new GalleryVisited(event.id(),
					(bib != null && !bib.isBlank()) ? GalleryVisited.Step.BIB_SEARCH : GalleryVisited.Step.NAME_SEARCH,
					found.total() > 0));
		}
		return new Items(found.photos().stream().map((photo) -> item(event, photo)).toList(), found.total(),
				found.runners());
	}

	@PostMapping("/api/v1/public/events/{slug}/selfie-search")
	ResponseEntity<Object> selfie(@PathVariable String slug, HttpServletRequest request) throws IOException {
		Event event = event(slug, true);
		Map<String, MemoryMultipart.Part> parts;
		try {
			parts = MemoryMultipart.read(request.getContentType(), request.getInputStream(),
					this.properties.selfieMaxBytes() + 64 * 1024);
		}
		catch (MemoryMultipart.MalformedException ex) {
			return problem(HttpStatus.BAD_REQUEST, ex.getMessage()
					+ ": a multipart/form-data body with a part 'selfie' (the picture) and a field 'consent=true'.");
		}
		catch (MemoryMultipart.TooLargeException ex) {
			return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The selfie is larger than "
					+ this.properties.selfieMaxBytes() / (1024 * 1024) + " MB: send a smaller picture.");
		}
		MemoryMultipart.Part consent = parts.get("consent");
		if (consent == null || !"true".equals(consent.text().strip())) {
			return problem(HttpStatus.BAD_REQUEST,
					"Selfie search needs the person's consent: send the field "
							+ "consent=true once they agreed that their selfie is compared with this event's photos "
							+ "(then discarded, never stored).");
		}
		MemoryMultipart.Part selfie = parts.get("selfie");
		if (selfie == null || selfie.bytes().length == 0) {
			return problem(HttpStatus.BAD_REQUEST, "Send the picture in a part named 'selfie' (JPEG or PNG).");
		}
		// Consent and the request's shape are checked first, whether this node has the
		// face models or not: a client learns what to send before it learns to retry.
		if (!this.gallery.selfieSearch(event)) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE,
					"Selfie search is unavailable on this server for now: search by bib or name.");
		}
		// Face comparison is costly, and a flood of selfies would probe who ran.
		this.limits.acquire(RateLimit.SELFIE_SEARCH, request.getRemoteAddr());
		// The language the event page showed the consent's text in (as every page picks
		// it).
		String language = "en"
			.equals(org.springframework.web.servlet.support.RequestContextUtils.getLocale(request).getLanguage()) ? "en"
					: "fr";
		// The selfie itself is never kept: the record says what was agreed to, for this
		// one search.
		this.consents.giveOnce(new com.focusracer.privacy.Consents.Given(
				com.focusracer.privacy.Consents.Purpose.SELFIE_SEARCH, null, null, event.id(), null,
				this.messages.getMessage("gallery.selfie.consent", null, java.util.Locale.forLanguageTag(language)),
				language, "checkbox"));
		List<Gallery.SelfieMatch> matches;
		try {
			matches = this.gallery.bySelfie(event, selfie.bytes());
		}
		catch (UserMistakeException ex) {
			// The event page shows this text as is: in the page's language.
			Locale locale = "fr".equals(request.getLocale().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
			return problem(HttpStatus.BAD_REQUEST, ex.describe(this.messages, locale));
		}
		List<SelfieItem> items = matches.stream().map((match) -> {
			Item item = item(event, match.photo());
			return new SelfieItem(item.id(), item.thumbnailUrl(), item.webUrl(), item.pageUrl(), item.takenAt(),
					match.similarity(), match.probable() ? "PROBABLE" : "POSSIBLE");
		}).toList();
		this.visits.count(new GalleryVisited(event.id(), GalleryVisited.Step.SELFIE_SEARCH, !items.isEmpty()));
		return ResponseEntity.ok(new SelfieItems(items, items.size()));
	}

	private Event event(String slug, boolean selfie) {
		Event event = this.gallery.event(slug, null)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No public event at '" + slug + "': check the address (GET /api/v1/public/events lists them)."));
		if (selfie && !this.gallery.selfieSearch(event)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"This event does not offer selfie search (its organizer did not turn face features on): "
							+ "search by bib or name.");
		}
		return event;
	}

	private EventView view(Event event) {
		return new EventView(event.id().toString(), event.slug(), event.name(), event.date(), event.location(),
				event.faceSearch(), this.gallery.photoCount(event), GalleryLinks.event(event));
	}

	static Item item(Event event, Photo photo) {
		return new Item(photo.id().toString(), GalleryLinks.thumbnail(event, photo), GalleryLinks.web(event, photo),
				GalleryLinks.photo(event, photo), photo.takenAt());
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return ResponseEntity.status(status)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}

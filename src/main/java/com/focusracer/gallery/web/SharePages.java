package com.focusracer.gallery.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventLinks;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.Visibility;
import com.focusracer.gallery.Gallery;
import com.focusracer.gallery.ShareFormat;
import com.focusracer.gallery.SocialImages;
import com.focusracer.photos.Photo;
import com.focusracer.shared.Bib;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Share" in the viewer: a runner's crops and teasers of a published photo in the formats
 * people post, and the teaser that a runner's result page shows in link previews. All
 * watermarked (the buyer's own copy without watermark comes from their download link).
 */
@Controller
class SharePages {

	private final Gallery gallery;

	private final SocialImages images;

	private final EventLinks links;

	SharePages(Gallery gallery, SocialImages images, EventLinks links) {
		this.gallery = gallery;
		this.images = images;
		this.links = links;
	}

	@GetMapping("/events/{slug}/photos/{id}/share")
	ModelAndView share(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@PathVariable UUID id, @RequestParam(required = false) String bib) {
		Event event = visible(slug, principal);
		Photo photo = this.gallery.photo(event, id).orElseThrow(EventNotFoundException::new);
		List<Gallery.PublicRunner> runners = this.gallery.runnersOn(event, photo);
		if (runners.isEmpty()) {
			throw new EventNotFoundException();
		}
		String chosen = Bib.parse(bib)
			.map(Bib::value)
			.filter((b) -> runners.stream().anyMatch((r) -> r.bib().equals(b)))
			.orElse(runners.get(0).bib());
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("photo", photo);
		model.put("runners", runners);
		model.put("bib", chosen);
		model.put("formats", List.of(ShareFormat.values()));
		model.put("link", this.links.runner(event, chosen));
		return new ModelAndView("gallery/share", model);
	}

	@GetMapping("/events/{slug}/photos/{id}/teaser.jpg")
	ResponseEntity<byte[]> teaser(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@PathVariable UUID id, @RequestParam(required = false) String bib,
			@RequestParam(required = false) String format, HttpServletRequest request) throws IOException {
		return image(principal, slug, id, bib, format, SocialImages.Kind.TEASER, request);
	}

	@GetMapping("/events/{slug}/photos/{id}/crop.jpg")
	ResponseEntity<byte[]> crop(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@PathVariable UUID id, @RequestParam(required = false) String bib,
			@RequestParam(required = false) String format, HttpServletRequest request) throws IOException {
		return image(principal, slug, id, bib, format, SocialImages.Kind.CROP, request);
	}

	/**
	 * The link preview of a runner's result page ({@code /events/{slug}?bib=…}): the
	 * teaser of their best photo, so that a shared link shows the runner.
	 */
	@GetMapping("/events/{slug}/teaser.jpg")
	ResponseEntity<byte[]> runnerTeaser(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@RequestParam(required = false) String bib, HttpServletRequest request) throws IOException {
		Event event = visible(slug, principal);
		String clean = Bib.parse(bib).map(Bib::value).orElseThrow(EventNotFoundException::new);
		Photo photo = this.images.bestPhoto(event, clean).orElseThrow(EventNotFoundException::new);
		return respond(event, this.images.image(event, photo, clean, ShareFormat.LINK, SocialImages.Kind.TEASER, true,
				request.getRemoteAddr()));
	}

	private ResponseEntity<byte[]> image(AccountPrincipal principal, String slug, UUID id, String bib, String format,
			SocialImages.Kind kind, HttpServletRequest request) throws IOException {
		Event event = visible(slug, principal);
		Photo photo = this.gallery.photo(event, id).orElseThrow(EventNotFoundException::new);
		ShareFormat shape = (format == null) ? ShareFormat.SQUARE
				: ShareFormat.of(format).orElseThrow(EventNotFoundException::new);
		String clean = Bib.parse(bib)
			.map(Bib::value)
			.orElseGet(() -> this.gallery.bibsOf(photo).stream().sorted().findFirst().orElse(null));
		return respond(event, this.images.image(event, photo, clean, shape, kind, true, request.getRemoteAddr()));
	}

	private static ResponseEntity<byte[]> respond(Event event, java.util.Optional<byte[]> jpeg) {
		byte[] body = jpeg.orElseThrow(EventNotFoundException::new);
		CacheControl cache = (event.visibility() == Visibility.PRIVATE)
				? CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()
				: CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(cache)
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	private Event visible(String slug, AccountPrincipal principal) {
		return this.gallery.event(slug, (principal != null) ? principal.id() : null)
			.orElseThrow(EventNotFoundException::new);
	}

}

package com.focusracer.gallery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.gallery.Gallery;
import com.focusracer.gallery.PhotoAlerts;
import com.focusracer.gallery.RunnerActions;
import com.focusracer.gallery.internal.GalleryRepository;
import com.focusracer.photos.NotYoursException;
import com.focusracer.photos.Photo;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * What runners do with photos: "this is me", "not me", "hide me" (signed-in runners,
 * rate-limited per account), "notify me" (anyone, confirmed by e-mail, rate-limited per
 * address), favourites in the account; and the team's review of hide requests.
 */
@Controller
public class RunnerPages {

	private final Gallery gallery;

	private final RunnerActions actions;

	private final PhotoAlerts alerts;

	private final GalleryRepository repository;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final RateLimits limits;

	RunnerPages(Gallery gallery, RunnerActions actions, PhotoAlerts alerts, GalleryRepository repository,
			MessageSource messages, java.time.Clock clock, RateLimits limits) {
		this.gallery = gallery;
		this.actions = actions;
		this.alerts = alerts;
		this.repository = repository;
		this.messages = messages;
		this.clock = clock;
		this.limits = limits;
	}

	@PostMapping("/account/photos/{id}/this-is-me")
	String thisIsMe(@AuthenticationPrincipal AccountPrincipal runner, @PathVariable UUID id,
			@RequestParam(required = false) String bib, Locale locale, RedirectAttributes redirect) {
		return say(runner, id, bib, true, locale, redirect);
	}

	@PostMapping("/account/photos/{id}/not-me")
	String notMe(@AuthenticationPrincipal AccountPrincipal runner, @PathVariable UUID id,
			@RequestParam(required = false) String bib, Locale locale, RedirectAttributes redirect) {
		return say(runner, id, bib, false, locale, redirect);
	}

	private String say(AccountPrincipal runner, UUID id, String bib, boolean present, Locale locale,
			RedirectAttributes redirect) {
		Photo photo = this.gallery.publishedPhoto(id).orElseThrow(EventNotFoundException::new);
		Event event = visible(photo, runner);
		// Each one re-links a burst of photos: one runner may not unlink a whole event.
		this.limits.acquire(RateLimit.RUNNER_ACTION, runner.id().toString());
		try {
			String used = this.actions.say(event, photo, runner, bib, present);
			redirect.addFlashAttribute("notice", this.messages
				.getMessage(present ? "gallery.claim.done" : "gallery.claim.notMeDone", new Object[] { used }, locale));
			return "redirect:" + GalleryLinks.photo(event, photo) + "?bib=" + UriUtils.encode(used, "UTF-8");
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
			return "redirect:" + GalleryLinks.photo(event, photo);
		}
	}

	@PostMapping("/account/photos/{id}/hide")
	String hide(@AuthenticationPrincipal AccountPrincipal runner, @PathVariable UUID id, Locale locale,
			RedirectAttributes redirect) {
		Photo photo = this.gallery.publishedPhoto(id).orElseThrow(EventNotFoundException::new);
		Event event = visible(photo, runner);
		// A hidden photo leaves the gallery at once: one runner may not hide a whole
		// event.
		this.limits.acquire(RateLimit.RUNNER_ACTION, runner.id().toString());
		this.actions.hide(event, photo, runner);
		redirect.addFlashAttribute("notice", this.messages.getMessage("gallery.hide.done", null, locale));
		return "redirect:" + GalleryLinks.event(event);
	}

	@PostMapping("/events/{slug}/alerts")
	String alert(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@RequestParam String bib, @RequestParam String email, Locale locale, RedirectAttributes redirect,
			HttpServletRequest request) {
		Event event = this.gallery.event(slug, (principal != null) ? principal.id() : null)
			.orElseThrow(EventNotFoundException::new);
		// Each request sends a confirmation e-mail, again for an alert not confirmed yet.
		this.limits.acquire(RateLimit.PHOTO_ALERT, request.getRemoteAddr());
		try {
			this.alerts.request(event, bib, email, locale);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("gallery.alert.sent", new Object[] { email.strip() }, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:" + GalleryLinks.event(event) + "?bib=" + UriUtils.encode(bib.strip(), "UTF-8");
	}

	@GetMapping("/alerts/{token}/confirm")
	ModelAndView confirm(@PathVariable String token) {
		return this.alerts.confirm(token)
			.map((alert) -> message("gallery.alert.confirmed.title", "gallery.alert.confirmed.text", "alert-confirmed"))
			.orElseGet(() -> message("gallery.alert.invalid.title", "gallery.alert.invalid.text", "alert-invalid"));
	}

	@GetMapping("/alerts/{token}/unsubscribe")
	ModelAndView unsubscribe(@PathVariable String token) {
		return this.alerts.unsubscribe(token)
				? message("gallery.alert.stopped.title", "gallery.alert.stopped.text", "alert-stopped")
				: message("gallery.alert.invalid.title", "gallery.alert.invalid.text", "alert-invalid");
	}

	private static ModelAndView message(String title, String text, String id) {
		return new ModelAndView("auth/message", Map.of("titleKey", title, "textKey", text, "id", id));
	}

	/**
	 * Adds or removes a favourite of the signed-in account.
	 * @param principal the account
	 * @param id the photo
	 * @param on true to add, false to remove
	 * @return whether it is now a favourite
	 */
	@PostMapping("/favourites/{id}")
	@ResponseBody
	Map<String, Boolean> setFavourite(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam boolean on) {
		if (on) {
			Photo photo = this.gallery.publishedPhoto(id).orElseThrow(EventNotFoundException::new);
			visible(photo, principal);
			this.repository.addFavourite(principal.id(), id, this.clock.instant());
		}
		else {
			this.repository.removeFavourite(principal.id(), id);
		}
		return Map.of("favourite", on);
	}

	/**
	 * Keeps in the account the favourites a guest had in the browser, once signed in.
	 * @param principal the account
	 * @param ids the photos
	 * @return the account's favourites, as the page lists them
	 */
	@PostMapping("/favourites/merge")
	@ResponseBody
	List<PublicApi.Item> mergeFavourites(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(name = "id", required = false) List<UUID> ids) {
		for (UUID id : (ids != null) ? ids.subList(0, Math.min(ids.size(), 500)) : List.<UUID>of()) {
			this.gallery.publishedPhoto(id)
				.ifPresent((photo) -> this.repository.addFavourite(principal.id(), id, this.clock.instant()));
		}
		List<PublicApi.Item> items = new ArrayList<>();
		for (UUID id : this.repository.favourites(principal.id())) {
			this.gallery.publishedPhoto(id)
				.ifPresent((photo) -> this.gallery.eventById(photo.eventId())
					.filter((event) -> this.gallery.event(event.slug(), principal.id()).isPresent())
					.ifPresent((event) -> items.add(PublicApi.item(event, photo))));
		}
		return items;
	}

	@GetMapping("/pro/events/{id}/hide-requests")
	ModelAndView hideRequests(@AuthenticationPrincipal AccountPrincipal member, @PathVariable UUID id) {
		Event event = this.gallery.eventById(id).orElseThrow(EventNotFoundException::new);
		List<GalleryRepository.HideRequest> pending = this.actions.pendingHides(id, member.id());
		List<HideRequestView> views = new ArrayList<>();
		for (GalleryRepository.HideRequest request : pending) {
			views.add(new HideRequestView(request.id(), request.photoId(),
					"/pro/photos/" + request.photoId() + "/preview.jpg", request.createdAt()));
		}
		return new ModelAndView("gallery/hide-requests", Map.of("event", event, "requests", views));
	}

	/**
	 * A hide request as the team sees it.
	 *
	 * @param id the request
	 * @param photoId the photo
	 * @param previewUrl the photo's preview in the pro space
	 * @param createdAt when it was asked
	 */
	public record HideRequestView(UUID id, UUID photoId, String previewUrl, java.time.Instant createdAt) {
	}

	@PostMapping("/pro/hide-requests/{id}")
	String decide(@AuthenticationPrincipal AccountPrincipal member, @PathVariable UUID id,
			@RequestParam String decision, Locale locale, RedirectAttributes redirect) {
		try {
			UUID eventId = this.actions.decide(id, member, "keep".equals(decision));
			redirect.addFlashAttribute("notice", this.messages
				.getMessage("keep".equals(decision) ? "gallery.hide.kept" : "gallery.hide.restored", null, locale));
			return "redirect:/pro/events/" + eventId + "/hide-requests";
		}
		catch (NotYoursException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
			return "redirect:/pro/events/" + this.actions.eventOfHideRequest(id) + "/hide-requests";
		}
	}

	private Event visible(Photo photo, AccountPrincipal principal) {
		return this.gallery.eventById(photo.eventId())
			.flatMap((event) -> this.gallery.event(event.slug(), principal.id()))
			.orElseThrow(EventNotFoundException::new);
	}

}

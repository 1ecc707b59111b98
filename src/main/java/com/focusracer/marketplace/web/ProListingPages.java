package com.focusracer.marketplace.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.marketplace.Application;
import com.focusracer.marketplace.Applications;
import com.focusracer.marketplace.Listing;
import com.focusracer.marketplace.Listings;
import com.focusracer.marketplace.PhotographerProfiles;
import com.focusracer.marketplace.Reviews;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's side of the marketplace: the listing of one of their events (the form
 * to publish it, then its applicants with their profiles and ratings), and decisions on
 * applications.
 */
@Controller
class ProListingPages {

	private final Listings listings;

	private final Applications applications;

	private final PhotographerProfiles profiles;

	private final Reviews reviews;

	private final EventManagement events;

	private final AccountManagement accounts;

	private final MessageSource messages;

	ProListingPages(Listings listings, Applications applications, PhotographerProfiles profiles, Reviews reviews,
			EventManagement events, AccountManagement accounts, MessageSource messages) {
		this.listings = listings;
		this.applications = applications;
		this.profiles = profiles;
		this.reviews = reviews;
		this.events = events;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/pro/events/{id}/listing")
	ModelAndView listing(@AuthenticationPrincipal AccountPrincipal pro, @PathVariable UUID id) {
		Event event = this.events.owned(id, pro.id());
		Listing listing = this.listings.ofEvent(id, pro.id()).orElse(null);
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("listing", listing);
		if (listing == null) {
			model.put("form", ListingForm.empty(
					event.date().isAfter(this.listings.today()) ? event.date().minusDays(1) : this.listings.today()));
			return new ModelAndView("marketplace/listing-form", model);
		}
		model.put("applicants", applicants(listing, pro.id()));
		return new ModelAndView("marketplace/applicants", model);
	}

	@PostMapping("/pro/marketplace/listings")
	ModelAndView publish(@AuthenticationPrincipal AccountPrincipal pro, @RequestParam(required = false) UUID event,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String region, @RequestParam(required = false) String fee,
			@RequestParam(required = false) String share, @RequestParam(required = false) String applyUntil,
			@RequestParam(required = false) List<String> role, @RequestParam(required = false) List<String> spot,
			@RequestParam(required = false) List<String> km, @RequestParam(required = false) List<String> wanted,
			@RequestParam(required = false) List<String> date, @RequestParam(required = false) List<String> from,
			@RequestParam(required = false) List<String> until, @RequestParam(required = false) List<String> experience,
			@RequestParam(required = false) List<String> positionDescription, Locale locale) {
		if (event == null) {
			return new ModelAndView("redirect:/pro/marketplace");
		}
		Event owned = this.events.owned(event, pro.id());
		ListingForm form = ListingForm.of(title, description, region, fee, share, applyUntil, role, spot, km, wanted,
				date, from, until, experience, positionDescription);
		try {
			this.listings.publish(pro.id(), form.draft(event));
			return new ModelAndView("redirect:/pro/events/" + event + "/listing");
		}
		catch (UserMistakeException ex) {
			return new ModelAndView("marketplace/listing-form",
					Map.of("event", owned, "form", form, "error", ex.describe(this.messages, locale)),
					HttpStatus.BAD_REQUEST);
		}
	}

	@PostMapping("/pro/marketplace/decisions")
	String decide(@AuthenticationPrincipal AccountPrincipal pro, @RequestParam(required = false) UUID application,
			@RequestParam(required = false) String decision, Locale locale, RedirectAttributes redirect) {
		if (application == null) {
			return "redirect:/pro/marketplace";
		}
		Application.Status status = switch ((decision != null) ? decision : "") {
			case "shortlist" -> Application.Status.SHORTLISTED;
			case "accept" -> Application.Status.ACCEPTED;
			case "decline" -> Application.Status.DECLINED;
			default -> null;
		};
		Application found = this.applications.find(application, pro.id()).orElseThrow(EventNotFoundException::new);
		try {
			this.applications.decide(pro.id(), application, status);
			redirect.addFlashAttribute("notice", this.messages.getMessage("marketplace.decided", null, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/pro/events/" + found.eventId() + "/listing";
	}

	private List<Applicant> applicants(Listing listing, UUID ownerId) {
		return this.applications.ofListing(listing.id(), ownerId).stream().map((application) -> {
			UUID photographer = application.photographerId();
			String name = this.profiles.of(photographer)
				.map((profile) -> profile.name())
				.orElseGet(() -> this.accounts.find(photographer).map((account) -> account.displayName()).orElse(""));
			String slug = this.profiles.of(photographer).map((profile) -> profile.slug()).orElse(null);
			var position = listing.position(application.positionId());
			return new Applicant(application, name, slug, this.reviews.average(photographer),
					this.reviews.about(photographer).size(), (position != null) ? position.role() : "",
					this.reviews.mayWrite(application, ownerId));
		}).toList();
	}

}

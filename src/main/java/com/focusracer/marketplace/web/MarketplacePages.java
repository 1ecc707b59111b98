package com.focusracer.marketplace.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.marketplace.Listing;
import com.focusracer.marketplace.ListingSearch;
import com.focusracer.marketplace.Listings;
import com.focusracer.marketplace.PhotographerProfile;
import com.focusracer.marketplace.PhotographerProfiles;
import com.focusracer.marketplace.Reviews;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public marketplace: open listings, searchable by date, region, sport and terms; a
 * listing's page (where a pro applies); a photographer's profile with their portfolio and
 * the reviews about them, each one reportable.
 */
@Controller
class MarketplacePages {

	private final Listings listings;

	private final PhotographerProfiles profiles;

	private final Reviews reviews;

	private final com.focusracer.accounts.AccountManagement accounts;

	private final MessageSource messages;

	MarketplacePages(Listings listings, PhotographerProfiles profiles, Reviews reviews,
			com.focusracer.accounts.AccountManagement accounts, MessageSource messages) {
		this.listings = listings;
		this.profiles = profiles;
		this.reviews = reviews;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/marketplace")
	ModelAndView list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String sport,
			@RequestParam(required = false) String terms) {
		ListingSearch search = new ListingSearch(day(from), day(to), region, sport,
				("fee".equals(terms) || "share".equals(terms)) ? terms : null);
		Map<String, Object> model = new HashMap<>();
		model.put("search", search);
		model.put("listings", this.listings.search(search));
		model.put("photographers", this.profiles.seekingWork());
		return new ModelAndView("marketplace/list", model);
	}

	@GetMapping("/marketplace/{slug}")
	ModelAndView listing(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug) {
		Listing listing = this.listings.bySlug(slug).orElseThrow(EventNotFoundException::new);
		Map<String, Object> model = new HashMap<>();
		model.put("listing", listing);
		model.put("open", listing.openOn(this.listings.today()));
		model.put("organizer", this.accounts.find(listing.ownerId()).map((a) -> a.displayName()).orElse(""));
		model.put("organizerRating", this.reviews.average(listing.ownerId()));
		model.put("organizerReviews", this.reviews.about(listing.ownerId()));
		model.put("mayApply",
				principal != null && principal.role().isPro() && !principal.id().equals(listing.ownerId()));
		return new ModelAndView("marketplace/listing", model);
	}

	@GetMapping("/photographers/{slug}")
	ModelAndView photographer(@PathVariable String slug) {
		PhotographerProfile profile = this.profiles.bySlug(slug).orElseThrow(EventNotFoundException::new);
		Map<String, Object> model = new HashMap<>();
		model.put("profile", profile);
		model.put("portfolio", this.profiles.portfolio(profile.accountId()));
		model.put("pastEvents", this.profiles.pastEvents(profile.accountId()));
		model.put("rating", this.reviews.average(profile.accountId()));
		model.put("reviews", this.reviews.about(profile.accountId()));
		return new ModelAndView("marketplace/profile", model);
	}

	@PostMapping("/marketplace/reviews/{id}/report")
	String report(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.reviews.report(principal.id(), id, reason);
			redirect.addFlashAttribute("notice", this.messages.getMessage("marketplace.reported", null, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		// Back to the page the report came from, never elsewhere.
		boolean local = back != null && back.matches("/(marketplace|photographers)/[a-z0-9-]+");
		return "redirect:" + (local ? back : "/marketplace");
	}

	private static LocalDate day(String value) {
		try {
			return (value == null || value.isBlank()) ? null : LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

}

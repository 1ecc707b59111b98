package com.focusracer.marketplace.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.marketplace.Application;
import com.focusracer.marketplace.Applications;
import com.focusracer.marketplace.Listing;
import com.focusracer.marketplace.Listings;
import com.focusracer.marketplace.PhotographerProfiles;
import com.focusracer.marketplace.Reviews;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pro's marketplace space: their listings, the events that have none yet, their
 * applications (to withdraw or review), and the photographer's actions: apply, withdraw,
 * review.
 */
@Controller
class ProMarketplacePages {

	private final Listings listings;

	private final Applications applications;

	private final Reviews reviews;

	private final PhotographerProfiles profiles;

	private final EventManagement events;

	private final MessageSource messages;

	ProMarketplacePages(Listings listings, Applications applications, Reviews reviews, PhotographerProfiles profiles,
			EventManagement events, MessageSource messages) {
		this.listings = listings;
		this.applications = applications;
		this.reviews = reviews;
		this.profiles = profiles;
		this.events = events;
		this.messages = messages;
	}

	@GetMapping("/pro/marketplace")
	ModelAndView home(@AuthenticationPrincipal AccountPrincipal pro) {
		List<Listing> mine = this.listings.ofOwner(pro.id());
		List<Event> withoutListing = this.events.forAccount(pro.id(), false)
			.stream()
			.filter((event) -> event.ownerId().equals(pro.id()))
			.filter((event) -> mine.stream().noneMatch((listing) -> listing.eventId().equals(event.id())))
			.filter((event) -> !event.date().isBefore(this.listings.today()))
			.toList();
		List<SentApplication> sent = this.applications.ofPhotographer(pro.id()).stream().map((application) -> {
			Listing listing = this.listings.find(application.listingId()).orElseThrow();
			var position = listing.position(application.positionId());
			boolean open = application.status() != Application.Status.WITHDRAWN
					&& application.status() != Application.Status.DECLINED
					&& this.listings.today().isBefore(listing.eventDate());
			return new SentApplication(application, listing, (position != null) ? position.role() : "", open,
					this.reviews.mayWrite(application, pro.id()),
					this.reviews.mine(application.id(), pro.id()) != null);
		}).toList();
		Map<String, Object> model = new HashMap<>();
		model.put("listings", mine);
		model.put("withoutListing", withoutListing);
		model.put("sent", sent);
		model.put("profile", this.profiles.of(pro.id()).orElse(null));
		return new ModelAndView("marketplace/pro-home", model);
	}

	@PostMapping("/pro/marketplace/applications")
	String apply(@AuthenticationPrincipal AccountPrincipal pro, @RequestParam(required = false) UUID position,
			@RequestParam(required = false) String message, @RequestParam(required = false) String portfolioUrl,
			@RequestParam(required = false) String terms, Locale locale, RedirectAttributes redirect) {
		if (position == null) {
			return "redirect:/marketplace";
		}
		try {
			this.applications.apply(pro.id(), position, message, portfolioUrl, "on".equals(terms));
			redirect.addFlashAttribute("notice", this.messages.getMessage("marketplace.applied", null, locale));
			return "redirect:/pro/marketplace";
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
			return this.listings.listingOfPosition(position)
				.flatMap(this.listings::find)
				.map((listing) -> "redirect:/marketplace/" + listing.slug())
				.orElse("redirect:/marketplace");
		}
	}

	@PostMapping("/pro/marketplace/withdrawals")
	String withdraw(@AuthenticationPrincipal AccountPrincipal pro, @RequestParam(required = false) UUID application,
			@RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
		if (application != null) {
			try {
				this.applications.withdraw(pro.id(), application, reason);
				redirect.addFlashAttribute("notice", this.messages.getMessage("marketplace.withdrawn", null, locale));
			}
			catch (UserMistakeException ex) {
				redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
			}
		}
		return "redirect:/pro/marketplace";
	}

	@PostMapping("/pro/marketplace/reviews")
	String review(@AuthenticationPrincipal AccountPrincipal pro, @RequestParam(required = false) UUID application,
			@RequestParam(required = false) Integer stars, @RequestParam(required = false) String body, Locale locale,
			RedirectAttributes redirect) {
		if (application == null) {
			return "redirect:/pro/marketplace";
		}
		Application found = this.applications.find(application, pro.id())
			.orElseThrow(com.focusracer.events.EventNotFoundException::new);
		try {
			this.reviews.write(pro.id(), application, (stars != null) ? stars : 0, body);
			redirect.addFlashAttribute("notice", this.messages.getMessage("marketplace.reviewed", null, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return found.photographerId().equals(pro.id()) ? "redirect:/pro/marketplace"
				: "redirect:/pro/events/" + found.eventId() + "/listing";
	}

}

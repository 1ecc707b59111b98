package com.focusracer.marketplace.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.marketplace.Application;
import com.focusracer.marketplace.Applications;
import com.focusracer.marketplace.Listing;
import com.focusracer.marketplace.ListingDraft;
import com.focusracer.marketplace.ListingSearch;
import com.focusracer.marketplace.Listings;
import com.focusracer.marketplace.MarketplaceException;
import com.focusracer.marketplace.Position;
import com.focusracer.marketplace.Reviews;
import com.focusracer.shared.SiteUrl;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The marketplace for tools: open listings (public), and the pros' actions (publish,
 * apply, decide, withdraw, review): {@code /api/v1/marketplace}. Another account's
 * listing or application is 404.
 */
@RestController
class MarketplaceApi {

	private final Listings listings;

	private final Applications applications;

	private final Reviews reviews;

	private final SiteUrl site;

	MarketplaceApi(Listings listings, Applications applications, Reviews reviews, SiteUrl site) {
		this.listings = listings;
		this.applications = applications;
		this.reviews = reviews;
		this.site = site;
	}

	record PositionView(String id, String role, String spot, BigDecimal spotKm, int wanted, int accepted,
			boolean filled, LocalDate date, LocalTime startsAt, LocalTime endsAt, String experience,
			String description) {

		static PositionView of(Position position) {
			return new PositionView(position.id().toString(), position.role(), position.spot(), position.spotKm(),
					position.wanted(), position.accepted(), position.filled(), position.workDate(), position.startsAt(),
					position.endsAt(), position.experience(), position.description());
		}

	}

	record ListingView(String id, String slug, String url, String eventId, String title, String description,
			String region, String sport, LocalDate eventDate, Long fee, String currency, Integer sharePercent,
			LocalDate applyUntil, String status, List<PositionView> positions) {

	}

	record ApplicationView(String id, String listingId, String positionId, String eventId, String photographerId,
			String message, String portfolioUrl, Long fee, String currency, Integer sharePercent, String spot,
			BigDecimal spotKm, Application.Status status, String withdrawReason) {

		static ApplicationView of(Application a) {
			return new ApplicationView(a.id().toString(), a.listingId().toString(), a.positionId().toString(),
					a.eventId().toString(), a.photographerId().toString(), a.message(), a.portfolioUrl(), a.fee(),
					a.currency(), a.sharePercent(), a.spot(), a.spotKm(), a.status(), a.withdrawReason());
		}

	}

	record NewPosition(String role, String spot, BigDecimal spotKm, Integer wanted, LocalDate date, LocalTime startsAt,
			LocalTime endsAt, String experience, String description) {

	}

	record NewListing(UUID eventId, String title, String description, String region, Long fee, Integer sharePercent,
			LocalDate applyUntil, List<NewPosition> positions) {

	}

	record NewApplication(UUID positionId, String message, String portfolioUrl, Boolean acceptTerms) {

	}

	record Decision(UUID applicationId, Application.Status decision) {

	}

	record Withdrawal(UUID applicationId, String reason) {

	}

	record NewReview(UUID applicationId, Integer stars, String body) {

	}

	@GetMapping("/api/v1/marketplace/listings")
	Map<String, Object> search(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String sport, @RequestParam(required = false) String terms) {
		List<ListingView> items = this.listings.search(new ListingSearch(from, to, region, sport, terms))
			.stream()
			.map(this::view)
			.toList();
		return Map.of("items", items, "total", items.size());
	}

	@PostMapping("/api/v1/marketplace/listings")
	ResponseEntity<ListingView> publish(@AuthenticationPrincipal AccountPrincipal pro, @RequestBody NewListing body) {
		if (body.eventId() == null) {
			throw new MarketplaceException("marketplace.api.eventRequired");
		}
		List<ListingDraft.PositionDraft> positions = (body.positions() != null) ? body.positions()
			.stream()
			.map((p) -> new ListingDraft.PositionDraft(p.role(), p.spot(), p.spotKm(),
					(p.wanted() != null) ? p.wanted() : 1, p.date(), p.startsAt(), p.endsAt(), p.experience(),
					p.description()))
			.toList() : List.of();
		Listing listing = this.listings.publish(pro.id(), new ListingDraft(body.eventId(), body.title(),
				body.description(), body.region(), body.fee(), body.sharePercent(), body.applyUntil(), positions));
		return ResponseEntity.status(HttpStatus.CREATED).body(view(listing));
	}

	@GetMapping("/api/v1/marketplace/applications")
	Map<String, Object> applications(@AuthenticationPrincipal AccountPrincipal pro) {
		List<ApplicationView> received = this.listings.ofOwner(pro.id())
			.stream()
			.flatMap((listing) -> this.applications.ofListing(listing.id(), pro.id()).stream())
			.map(ApplicationView::of)
			.toList();
		return Map.of("sent", this.applications.ofPhotographer(pro.id()).stream().map(ApplicationView::of).toList(),
				"received", received);
	}

	@PostMapping("/api/v1/marketplace/applications")
	ResponseEntity<ApplicationView> apply(@AuthenticationPrincipal AccountPrincipal pro,
			@RequestBody NewApplication body) {
		if (body.positionId() == null) {
			throw new MarketplaceException("marketplace.api.positionRequired");
		}
		Application application = this.applications.apply(pro.id(), body.positionId(), body.message(),
				body.portfolioUrl(), Boolean.TRUE.equals(body.acceptTerms()));
		return ResponseEntity.status(HttpStatus.CREATED).body(ApplicationView.of(application));
	}

	@PostMapping("/api/v1/marketplace/decisions")
	ApplicationView decide(@AuthenticationPrincipal AccountPrincipal pro, @RequestBody Decision body) {
		if (body.applicationId() == null) {
			throw new MarketplaceException("marketplace.api.applicationRequired");
		}
		return ApplicationView.of(this.applications.decide(pro.id(), body.applicationId(), body.decision()));
	}

	@PostMapping("/api/v1/marketplace/withdrawals")
	ResponseEntity<Void> withdraw(@AuthenticationPrincipal AccountPrincipal pro, @RequestBody Withdrawal body) {
		if (body.applicationId() == null) {
			throw new MarketplaceException("marketplace.api.applicationRequired");
		}
		this.applications.withdraw(pro.id(), body.applicationId(), body.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/marketplace/reviews")
	ResponseEntity<Void> review(@AuthenticationPrincipal AccountPrincipal pro, @RequestBody NewReview body) {
		if (body.applicationId() == null) {
			throw new MarketplaceException("marketplace.api.applicationRequired");
		}
		this.reviews.write(pro.id(), body.applicationId(), (body.stars() != null) ? body.stars() : 0, body.body());
		return ResponseEntity.noContent().build();
	}

	private ListingView view(Listing listing) {
		return new ListingView(listing.id().toString(), listing.slug(),
				this.site.root() + "/marketplace/" + listing.slug(), listing.eventId().toString(), listing.title(),
				listing.description(), listing.region(), listing.sport(), listing.eventDate(), listing.fee(),
				listing.currency(), listing.sharePercent(), listing.applyUntil(), listing.status(),
				listing.positions().stream().map(PositionView::of).toList());
	}

}

package com.focusracer.marketplace;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.EventTeams;
import com.focusracer.marketplace.internal.ApplicationRepository;
import com.focusracer.marketplace.internal.ListingRepository;
import com.focusracer.marketplace.internal.MarketplaceMails;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shop.AgreedFees;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications: a photographer applies to one position per event, accepting the terms
 * shown; the organizer shortlists, accepts or declines. Accepting adds the photographer
 * to the event's team with the agreed revenue share and spot, and records the fixed fee
 * as owed. Each side is told by e-mail. Another account's application is not found.
 */
@Service
@Transactional
public class Applications {

	private final ApplicationRepository applications;

	private final ListingRepository listings;

	private final EventManagement events;

	private final EventTeams teams;

	private final AccountManagement accounts;

	private final AgreedFees fees;

	private final MarketplaceMails mails;

	private final RateLimits rateLimits;

	private final Clock clock;

	Applications(ApplicationRepository applications, ListingRepository listings, EventManagement events,
			EventTeams teams, AccountManagement accounts, AgreedFees fees, MarketplaceMails mails,
			RateLimits rateLimits, Clock clock) {
		this.applications = applications;
		this.listings = listings;
		this.events = events;
		this.teams = teams;
		this.accounts = accounts;
		this.fees = fees;
		this.mails = mails;
		this.rateLimits = rateLimits;
		this.clock = clock;
	}

	/**
	 * A photographer applies to a position.
	 * @param photographerId the caller
	 * @param positionId the position
	 * @param message their message
	 * @param portfolioUrl a link to their work, or null
	 * @param termsAccepted whether they ticked the box accepting the terms shown
	 * @return the application
	 */
	public Application apply(UUID photographerId, UUID positionId, String message, String portfolioUrl,
			boolean termsAccepted) {
		Listing listing = this.listings.findByPosition(positionId).orElseThrow(EventNotFoundException::new);
		Position position = listing.position(positionId);
		if (listing.ownerId().equals(photographerId)
				|| this.accounts.find(photographerId).filter((account) -> account.role().isPro()).isEmpty()) {
			throw new MarketplaceException("marketplace.apply.notYou");
		}
		if (!listing.openOn(LocalDates.today(this.clock)) || position.filled()) {
			throw new MarketplaceException("marketplace.apply.closed");
		}
		if (!termsAccepted) {
			throw new MarketplaceException("marketplace.apply.acceptTerms");
		}
		String text = Listings.text(message, Listings.MAX_TEXT);
		if (text == null) {
			throw new MarketplaceException("marketplace.apply.messageRequired");
		}
		String link = Listings.text(portfolioUrl, 300);
		if (link != null && !link.matches("https?://\\S+")) {
			throw new MarketplaceException("marketplace.apply.linkInvalid");
		}
		if (this.applications.applied(listing.eventId(), photographerId)) {
			throw new MarketplaceException("marketplace.apply.already");
		}
		this.rateLimits.acquire(RateLimit.MARKETPLACE, "apply:" + photographerId);
		UUID id = UUID.randomUUID();
		this.applications.insert(id, listing, position, photographerId, text, link, this.clock.instant());
		this.mails.tell(listing.ownerId(), "marketplace.mail.applied", name(photographerId), listing.title(),
				position.role());
		return this.applications.find(id).orElseThrow();
	}

	/**
	 * The organizer decides on an application of their listing.
	 * @param ownerId the caller, who must own the listing
	 * @param applicationId the application
	 * @param decision SHORTLISTED, ACCEPTED or DECLINED
	 * @return the application as it is now
	 * @throws EventNotFoundException when the application is not on the caller's listing
	 */
	public Application decide(UUID ownerId, UUID applicationId, Application.Status decision) {
		Application application = this.applications.lock(applicationId).orElseThrow(EventNotFoundException::new);
		Listing listing = this.listings.findById(application.listingId())
			.filter((candidate) -> candidate.ownerId().equals(ownerId))
			.orElseThrow(EventNotFoundException::new);
		if (!application.status().pending() || decision == null || decision == Application.Status.APPLIED
				|| decision == Application.Status.WITHDRAWN) {
			throw new MarketplaceException("marketplace.decide.notPending");
		}
		Position position = listing.position(application.positionId());
		if (decision == Application.Status.ACCEPTED) {
			this.applications.lockPosition(position.id());
			if (this.applications.acceptedOn(position.id()) >= position.wanted()) {
				throw new MarketplaceException("marketplace.decide.filled");
			}
			// The team note carries the spot (name and km, for timing sync to read
			// later);
			// the application keeps both as structured values.
			this.teams.addTeamMember(listing.eventId(), ownerId, application.photographerId(),
					application.sharePercent(), (position != null) ? position.spotLabel() : application.spot());
			if (application.fee() != null) {
				this.fees.owe("marketplace-" + application.id(), listing.eventId(), ownerId,
						application.photographerId(), application.fee(), application.currency());
			}
		}
		this.applications.setStatus(applicationId, decision, this.clock.instant());
		if (decision != Application.Status.SHORTLISTED) {
			this.mails.tell(application.photographerId(), "marketplace.mail." + decision.name().toLowerCase(),
					listing.title(), position.role());
		}
		this.events.audit(ownerId, "marketplace.application" + decision.name(), listing.eventId(),
				name(application.photographerId()) + " · " + position.role());
		return this.applications.find(applicationId).orElseThrow();
	}

	/**
	 * The photographer withdraws their application, before the event, with a reason. An
	 * accepted one leaves the team and its fee is no longer owed.
	 * @param photographerId the caller, who must have applied
	 * @param applicationId the application
	 * @param reason why
	 * @throws EventNotFoundException when the application is not the caller's
	 */
	public void withdraw(UUID photographerId, UUID applicationId, String reason) {
		Application application = this.applications.lock(applicationId)
			.filter((candidate) -> candidate.photographerId().equals(photographerId))
			.orElseThrow(EventNotFoundException::new);
		Listing listing = this.listings.findById(application.listingId()).orElseThrow();
		String why = Listings.text(reason, 500);
		if (why == null) {
			throw new MarketplaceException("marketplace.withdraw.reasonRequired");
		}
		if (application.status() == Application.Status.WITHDRAWN
				|| application.status() == Application.Status.DECLINED) {
			throw new MarketplaceException("marketplace.withdraw.notPossible");
		}
		if (!LocalDates.today(this.clock).isBefore(listing.eventDate())) {
			throw new MarketplaceException("marketplace.withdraw.tooLate");
		}
		if (application.status() == Application.Status.ACCEPTED) {
			this.events.removePhotographer(listing.eventId(), listing.ownerId(), photographerId);
			this.fees.cancel("marketplace-" + application.id());
		}
		this.applications.withdraw(applicationId, why, this.clock.instant());
		this.mails.tell(listing.ownerId(), "marketplace.mail.withdrawn", name(photographerId), listing.title(), why);
	}

	/**
	 * The applications to a listing the caller owns.
	 * @param listingId the listing
	 * @param ownerId the caller
	 * @return the applications, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Application> ofListing(UUID listingId, UUID ownerId) {
		this.listings.findById(listingId)
			.filter((listing) -> listing.ownerId().equals(ownerId))
			.orElseThrow(EventNotFoundException::new);
		return this.applications.ofListing(listingId);
	}

	@Transactional(readOnly = true)
	public List<Application> ofPhotographer(UUID photographerId) {
		return this.applications.ofPhotographer(photographerId);
	}

	/**
	 * An application the caller may see: theirs, or one to their listing.
	 * @param applicationId the application
	 * @param accountId the caller
	 * @return the application
	 */
	@Transactional(readOnly = true)
	public Optional<Application> find(UUID applicationId, UUID accountId) {
		return this.applications.find(applicationId)
			.filter((application) -> application.photographerId().equals(accountId)
					|| this.listings.findById(application.listingId())
						.filter((listing) -> listing.ownerId().equals(accountId))
						.isPresent());
	}

	private String name(UUID accountId) {
		return this.accounts.find(accountId).map((account) -> account.displayName()).orElse("");
	}

}

package com.focusracer.marketplace;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.marketplace.internal.ListingRepository;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings: an organizer (or agency, club, federation) publishes the positions they need
 * filled at one of their events and the terms (a fixed fee, a revenue share of sales, or
 * both); anyone browses the open ones.
 */
@Service
@Transactional
public class Listings {

	static final int MAX_POSITIONS = 10;

	static final int MAX_TEXT = 2000;

	private final ListingRepository listings;

	private final EventManagement events;

	private final RateLimits rateLimits;

	private final Clock clock;

	Listings(ListingRepository listings, EventManagement events, RateLimits rateLimits, Clock clock) {
		this.listings = listings;
		this.events = events;
		this.rateLimits = rateLimits;
		this.clock = clock;
	}

	/**
	 * Publishes a listing for one of the caller's events (one listing per event).
	 * @param ownerId the caller, who must own the event
	 * @param draft what was entered
	 * @return the listing
	 * @throws com.focusracer.events.EventNotFoundException when the caller does not own
	 * the event
	 */
	public Listing publish(UUID ownerId, ListingDraft draft) {
		Event event = this.events.owned(draft.eventId(), ownerId);
		LocalDate today = today();
		if (this.listings.findByEvent(event.id()).isPresent()) {
			throw new MarketplaceException("marketplace.listing.exists");
		}
		ListingDraft valid = validate(draft, event, today);
		this.rateLimits.acquire(RateLimit.MARKETPLACE, "publish:" + ownerId);
		UUID id = UUID.randomUUID();
		String region = (valid.region() != null) ? valid.region() : event.location();
		this.listings.insert(id, ownerId, slugFor(event), valid, region, event.sport(), event.date(),
				this.clock.instant());
		this.events.audit(ownerId, "marketplace.listingPublished", event.id(), valid.title());
		return this.listings.findById(id).orElseThrow();
	}

	/**
	 * Closes a listing: nobody may apply any more.
	 * @param listingId the listing
	 * @param ownerId the caller, who must own it
	 */
	public void close(UUID listingId, UUID ownerId) {
		Listing listing = owned(listingId, ownerId);
		this.listings.close(listing.id());
	}

	@Transactional(readOnly = true)
	public Optional<Listing> bySlug(String slug) {
		return this.listings.findBySlug(slug).filter(this::shown);
	}

	@Transactional(readOnly = true)
	public Optional<Listing> find(UUID listingId) {
		return this.listings.findById(listingId);
	}

	/**
	 * The listing a position belongs to.
	 * @param positionId the position
	 * @return its listing's id
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> listingOfPosition(UUID positionId) {
		return this.listings.findByPosition(positionId).map(Listing::id);
	}

	/**
	 * The listing of an event the caller owns.
	 * @param eventId the event
	 * @param ownerId the caller
	 * @return the listing, or empty when the event has none
	 * @throws com.focusracer.events.EventNotFoundException when the caller does not own
	 * the event
	 */
	@Transactional(readOnly = true)
	public Optional<Listing> ofEvent(UUID eventId, UUID ownerId) {
		this.events.owned(eventId, ownerId);
		return this.listings.findByEvent(eventId);
	}

	/**
	 * A listing the caller owns.
	 * @param listingId the listing
	 * @param ownerId the caller
	 * @return the listing
	 * @throws com.focusracer.events.EventNotFoundException when it is not theirs
	 */
	@Transactional(readOnly = true)
	public Listing owned(UUID listingId, UUID ownerId) {
		return this.listings.findById(listingId)
			.filter((listing) -> listing.ownerId().equals(ownerId))
			.orElseThrow(com.focusracer.events.EventNotFoundException::new);
	}

	@Transactional(readOnly = true)
	public List<Listing> ofOwner(UUID ownerId) {
		return this.listings.ofOwner(ownerId);
	}

	/**
	 * The open listings that match, soonest event first.
	 * @param search what to match
	 * @return at most 100 listings
	 */
	@Transactional(readOnly = true)
	public List<Listing> search(ListingSearch search) {
		return this.listings.search(search, today(), 100).stream().filter(this::shown).toList();
	}

	/**
	 * Today, where the platform runs.
	 * @return the day
	 */
	public LocalDate today() {
		return LocalDates.today(this.clock);
	}

	/** Listed only while its event is not hidden by the platform's admins. */
	private boolean shown(Listing listing) {
		return this.events.get(listing.eventId()).filter((event) -> !event.hiddenByModeration()).isPresent();
	}

	private static ListingDraft validate(ListingDraft draft, Event event, LocalDate today) {
		String title = text(draft.title(), 120);
		if (title == null) {
			throw new MarketplaceException("marketplace.listing.titleRequired");
		}
		if (draft.fee() == null && draft.sharePercent() == null) {
			throw new MarketplaceException("marketplace.listing.termsRequired");
		}
		if (draft.fee() != null && (draft.fee() <= 0 || draft.fee() > 10_000_000)) {
			throw new MarketplaceException("marketplace.listing.feeInvalid");
		}
		if (draft.sharePercent() != null && (draft.sharePercent() < 1 || draft.sharePercent() > 100)) {
			throw new MarketplaceException("marketplace.listing.shareInvalid");
		}
		if (draft.applyUntil() == null || draft.applyUntil().isBefore(today)
				|| draft.applyUntil().isAfter(event.date())) {
			throw new MarketplaceException("marketplace.listing.deadlineInvalid");
		}
		if (draft.positions() == null || draft.positions().isEmpty() || draft.positions().size() > MAX_POSITIONS) {
			throw new MarketplaceException("marketplace.listing.positionsRequired", MAX_POSITIONS);
		}
		List<ListingDraft.PositionDraft> positions = new ArrayList<>();
		for (ListingDraft.PositionDraft position : draft.positions()) {
			String role = text(position.role(), 80);
			if (role == null) {
				throw new MarketplaceException("marketplace.position.roleRequired");
			}
			if (position.wanted() < 1 || position.wanted() > 50) {
				throw new MarketplaceException("marketplace.position.wantedInvalid");
			}
			if (position.spotKm() != null && (position.spotKm().signum() < 0 || position.spotKm().intValue() > 1000)) {
				throw new MarketplaceException("marketplace.position.kmInvalid");
			}
			positions.add(new ListingDraft.PositionDraft(role, text(position.spot(), 80), position.spotKm(),
					position.wanted(), position.workDate(), position.startsAt(), position.endsAt(),
					text(position.experience(), 200), text(position.description(), MAX_TEXT)));
		}
		return new ListingDraft(draft.eventId(), title, text(draft.description(), MAX_TEXT), text(draft.region(), 80),
				draft.fee(), draft.sharePercent(), draft.applyUntil(), positions);
	}

	static String text(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

	private String slugFor(Event event) {
		String base = slug(event.name() + "-" + event.date().getYear());
		String slug = base;
		for (int n = 2; this.listings.slugTaken(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	static String slug(String text) {
		String base = Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		if (base.length() > 80) {
			base = base.substring(0, 80);
		}
		return base.isEmpty() ? "listing" : base;
	}

}

package com.focusracer.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;
import com.focusracer.shop.PriceLists;

import org.springframework.stereotype.Component;

/**
 * Marketplace fixtures: an organizer's race on sale in a few days, with a listing of two
 * positions (finish line, halfway) paid 150 € and half of the photographer's net sales.
 */
@Component
public class MarketplaceTestUtils {

	/** The photographer's share the listings agree. */
	public static final int SHARE = 50;

	/** The organizer's share in the event's price list, for everyone else. */
	public static final int ORGANIZER_SHARE = 30;

	private final EventManagement events;

	private final PriceLists prices;

	private final Listings listings;

	MarketplaceTestUtils(EventManagement events, PriceLists prices, Listings listings) {
		this.events = events;
		this.prices = prices;
		this.listings = listings;
	}

	/**
	 * A public race in some days (days of France, as the marketplace counts them: between
	 * 23:00 and midnight UTC the UTC date is a day behind), 5 € a photo, the organizer
	 * taking 30 % of the others' net sales.
	 */
	public Event aRaceIn(TestAccount organizer, int days) {
		Event event = this.events.create(organizer.id(),
				new EventDraft("Trail marché " + UUID.randomUUID().toString().substring(0, 6),
						LocalDate.now(LocalDates.ZONE).plusDays(days), "Annecy", "trail", null, Visibility.PUBLIC,
						false, null, null, null, null));
		this.prices.save(event.id(), organizer.id(), organizer.email(),
				new PriceLists.Form("5", List.of("3"), List.of("12"), "20", "3", "", false, false, ORGANIZER_SHARE));
		return event;
	}

	/** A listing with two positions for an event. */
	public Listing aListing(TestAccount organizer, Event event) {
		return this.listings.publish(organizer.id(), draft(event));
	}

	public static ListingDraft draft(Event event) {
		return new ListingDraft(event.id(), "Photographes pour " + event.name(), null, null, 15000L, SHARE,
				event.date(),
				List.of(new ListingDraft.PositionDraft("Arrivée", "Ligne d'arrivée", new BigDecimal("42.2"), 1, null,
						LocalTime.of(9, 0), LocalTime.of(13, 0), null, null),
						new ListingDraft.PositionDraft("Mi-parcours", "Col", new BigDecimal("21.1"), 1, null, null,
								null, null, null)));
	}

}

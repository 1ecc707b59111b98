package com.focusracer.marketplace;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.EventManagement;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A demo listing for {@code mvn spring-boot:run}: orga@test.com looks for photographers
 * for the demo marathon, and photographe@test.com has a profile and seeks work, so that
 * the marketplace's pages are not empty.
 */
@Component
@Profile("demo")
class DemoMarketplace {

	private static final Logger log = LoggerFactory.getLogger(DemoMarketplace.class);

	private final AccountManagement accounts;

	private final EventManagement events;

	private final Listings listings;

	private final PhotographerProfiles profiles;

	DemoMarketplace(AccountManagement accounts, EventManagement events, Listings listings,
			PhotographerProfiles profiles) {
		this.accounts = accounts;
		this.events = events;
		this.listings = listings;
		this.profiles = profiles;
	}

	// After the demo event (ordered before the lowest precedence).
	@EventListener(ApplicationReadyEvent.class)
	void create() {
		var organizer = this.accounts.findByEmail("orga@test.com").orElse(null);
		var photographer = this.accounts.findByEmail("photographe@test.com").orElse(null);
		if (organizer == null || photographer == null || !this.listings.ofOwner(organizer.id()).isEmpty()) {
			return;
		}
		var event = this.events.forAccount(organizer.id(), false)
			.stream()
			.filter((candidate) -> candidate.ownerId().equals(organizer.id()))
			.filter((candidate) -> candidate.date().isAfter(this.listings.today()))
			.findFirst()
			.orElse(null);
		if (event == null) {
			return;
		}
		Listing listing = this.listings.publish(organizer.id(), new ListingDraft(event.id(),
				"Photographes pour le " + event.name(),
				"Nous cherchons des photographes pour couvrir la course ; les photos sont vendues aux coureurs sur Focus Racer.",
				null, 15000L, 50, event.date().minusDays(1),
				List.of(new ListingDraft.PositionDraft("Arrivée", "Place Bellecour", new BigDecimal("42.195"), 3, null,
						LocalTime.of(9, 0), LocalTime.of(14, 0), "2 ans de photo de course", null),
						new ListingDraft.PositionDraft("Mi-parcours", "Parc de la Tête d'Or", new BigDecimal("21.1"), 1,
								null, LocalTime.of(8, 30), LocalTime.of(12, 0), null, null))));
		if (this.profiles.of(photographer.id()).isEmpty()) {
			this.profiles.save(photographer.id(),
					new PhotographerProfile(photographer.id(), null, "Studio Photographe", "Auvergne-Rhône-Alpes", 150,
							"course à pied, trail, triathlon", "2 boîtiers plein format, 70-200 f/2.8",
							"français, anglais", "Photographe de sport depuis 2015.", true, null));
		}
		log.info("Demo marketplace listing published: /marketplace/{}", listing.slug());
	}

}

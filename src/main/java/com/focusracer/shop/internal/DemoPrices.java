package com.focusracer.shop.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.shop.PriceLists;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Prices for the demo events of {@code mvn spring-boot:run}: 5 € a photo, packs of 3 and
 * 10, "all my photos" and a web version, so that the shop can be tried at once (with the
 * offline test payments).
 */
@Component
@Profile("demo")
class DemoPrices {

	private static final Logger log = LoggerFactory.getLogger(DemoPrices.class);

	private final AccountManagement accounts;

	private final EventManagement events;

	private final PriceLists prices;

	DemoPrices(AccountManagement accounts, EventManagement events, PriceLists prices) {
		this.accounts = accounts;
		this.events = events;
		this.prices = prices;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void price() {
		var organizer = this.accounts.findByEmail("orga@test.com").orElse(null);
		if (organizer == null) {
			return;
		}
		for (Event event : this.events.forAccount(organizer.id(), false)) {
			if (event.ownerId().equals(organizer.id()) && this.prices.of(event.id()).isEmpty()) {
				this.prices.save(event.id(), organizer.id(), organizer.email(), new PriceLists.Form("5",
						List.of("3", "10"), List.of("12", "30"), "25", "3", "", false, false, 10));
				log.info("Demo prices set for {}", event.name());
			}
		}
	}

}

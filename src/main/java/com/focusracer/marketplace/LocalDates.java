package com.focusracer.marketplace;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The marketplace's calendar: days are those of France, where the races are.
 */
final class LocalDates {

	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private LocalDates() {
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

}

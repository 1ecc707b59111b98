package com.focusracer.marketplace;

import java.time.LocalDate;

/**
 * What someone looks for among the open listings; every field may be null.
 *
 * @param from events on or after this day
 * @param to events on or before this day
 * @param region part of the region
 * @param sport part of the sport
 * @param terms {@code fee} (a fixed fee), {@code share} (a revenue share) or null
 */
public record ListingSearch(LocalDate from, LocalDate to, String region, String sport, String terms) {

	/** Everything open. */
	public static final ListingSearch ALL = new ListingSearch(null, null, null, null, null);

}

package com.focusracer.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A listing as an organizer enters it.
 *
 * @param eventId one of their events
 * @param title the title
 * @param description more, or null
 * @param region where, or null for the event's place
 * @param fee a fixed fee per photographer in minor units, or null
 * @param sharePercent the photographer's share of the net sales of their photos, or null
 * @param applyUntil the last day to apply
 * @param positions at least one
 */
public record ListingDraft(UUID eventId, String title, String description, String region, Long fee,
		Integer sharePercent, LocalDate applyUntil, List<PositionDraft> positions) {

	/**
	 * A position as entered.
	 *
	 * @param role the kind of work
	 * @param spot the place on the course, or null
	 * @param spotKm km from the start, or null
	 * @param wanted how many photographers
	 * @param workDate the day, or null
	 * @param startsAt from, or null
	 * @param endsAt until, or null
	 * @param experience expected experience, or null
	 * @param description more, or null
	 */
	public record PositionDraft(String role, String spot, BigDecimal spotKm, int wanted, LocalDate workDate,
			LocalTime startsAt, LocalTime endsAt, String experience, String description) {

	}

}

package com.focusracer.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An organizer's need of photographers for one of their events, with its terms.
 *
 * @param id the id
 * @param eventId the event
 * @param ownerId the event's owner, who published it
 * @param slug its readable address under {@code /marketplace/}
 * @param title the title
 * @param description more, or null
 * @param region where (the event's place unless given)
 * @param sport the sport
 * @param eventDate the event's day
 * @param fee a fixed fee per photographer in minor units, or null
 * @param currency ISO code
 * @param sharePercent the photographer's share of the net sales of their photos, or null
 * @param applyUntil the last day to apply
 * @param status OPEN or CLOSED
 * @param createdAt when it was published
 * @param positions its positions
 */
public record Listing(UUID id, UUID eventId, UUID ownerId, String slug, String title, String description, String region,
		String sport, LocalDate eventDate, Long fee, String currency, Integer sharePercent, LocalDate applyUntil,
		String status, Instant createdAt, List<Position> positions) {

	/**
	 * Whether photographers may still apply.
	 * @param today the day
	 * @return true when open, not past its deadline and with a position not filled
	 */
	public boolean openOn(LocalDate today) {
		return "OPEN".equals(this.status) && !today.isAfter(this.applyUntil)
				&& this.positions.stream().anyMatch((position) -> !position.filled());
	}

	/**
	 * One of its positions.
	 * @param positionId the position
	 * @return the position, or null
	 */
	public Position position(UUID positionId) {
		return this.positions.stream().filter((position) -> position.id().equals(positionId)).findFirst().orElse(null);
	}

}

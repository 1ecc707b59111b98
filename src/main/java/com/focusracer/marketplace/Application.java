package com.focusracer.marketplace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A photographer's application to one position, with the terms as they accepted them.
 *
 * @param id the id
 * @param positionId the position
 * @param listingId its listing
 * @param eventId the event
 * @param photographerId who applied
 * @param message their message
 * @param portfolioUrl a link to their work, or null
 * @param fee the fixed fee accepted, minor units, or null
 * @param currency ISO code
 * @param sharePercent the revenue share accepted, or null
 * @param spot the position's spot, or null
 * @param spotKm its distance from the start, or null (for timing sync)
 * @param status where it stands
 * @param withdrawReason why the photographer withdrew, or null
 * @param createdAt when they applied
 * @param decidedAt when the organizer decided, or null
 */
public record Application(UUID id, UUID positionId, UUID listingId, UUID eventId, UUID photographerId, String message,
		String portfolioUrl, Long fee, String currency, Integer sharePercent, String spot, BigDecimal spotKm,
		Status status, String withdrawReason, Instant createdAt, Instant decidedAt) {

	/**
	 * Where an application stands.
	 */
	public enum Status {

		APPLIED, SHORTLISTED, ACCEPTED, DECLINED, WITHDRAWN;

		/**
		 * Whether the organizer may still decide on it.
		 * @return true while applied or shortlisted
		 */
		public boolean pending() {
			return this == APPLIED || this == SHORTLISTED;
		}

	}

}

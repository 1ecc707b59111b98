package com.focusracer.shop;

import java.time.Instant;
import java.util.UUID;

/**
 * A fixed fee an organizer agreed to pay a photographer for an event.
 *
 * @param id the id
 * @param eventId the event
 * @param eventName its name
 * @param organizerId who owes it
 * @param photographerId who is owed it
 * @param amount in minor units
 * @param currency ISO code
 * @param status OWED, PAID or CANCELLED
 * @param createdAt when it was agreed
 * @param paidAt when the organizer marked it paid, or null
 */
public record AgreedFee(UUID id, UUID eventId, String eventName, UUID organizerId, UUID photographerId, long amount,
		String currency, String status, Instant createdAt, Instant paidAt) {

	/**
	 * Whether it is still owed.
	 * @return true while owed
	 */
	public boolean owed() {
		return "OWED".equals(this.status);
	}

}

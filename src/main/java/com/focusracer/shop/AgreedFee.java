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
 * @param status OWED, PAYING (its Stripe transfer is under way), PAID or CANCELLED
 * @param createdAt when it was agreed
 * @param paidAt when it was paid (marked paid, or transferred), or null
 * @param paidVia HAND, STRIPE, or null while owed
 * @param stripePayable whether both pros' Stripe accounts are ready (it can be paid
 * through Stripe)
 */
public record AgreedFee(UUID id, UUID eventId, String eventName, UUID organizerId, UUID photographerId, long amount,
		String currency, String status, Instant createdAt, Instant paidAt, String paidVia, boolean stripePayable) {

	/**
	 * Whether it is still owed.
	 * @return true while owed
	 */
	public boolean owed() {
		return "OWED".equals(this.status);
	}

	/**
	 * Whether it was paid through Stripe Connect.
	 * @return true once transferred (or while the transfer is under way)
	 */
	public boolean paidThroughStripe() {
		return "STRIPE".equals(this.paidVia);
	}

}

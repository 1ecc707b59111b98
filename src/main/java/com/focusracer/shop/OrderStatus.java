package com.focusracer.shop;

/**
 * Where an order's payment stands. An order only ever moves forward: a late or repeated
 * provider event never takes a paid order back to pending or failed.
 */
public enum OrderStatus {

	/** Waiting for the payment. */
	PENDING,
	/** The last payment attempt failed; the buyer may try again. */
	FAILED,
	/** Paid: downloads work. */
	PAID,
	/** Partly refunded: downloads still work. */
	PARTIALLY_REFUNDED,
	/** Wholly refunded: downloads stop. */
	REFUNDED,
	/**
	 * The provider reported a payment that is not the order's (another amount or
	 * currency): held for an admin, never fulfilled.
	 */
	PAYMENT_PROBLEM

}

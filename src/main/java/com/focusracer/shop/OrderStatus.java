package com.focusracer.shop;

/**
 * Where an order's payment stands. An order only ever moves forward: a late or repeated
 * provider event never takes a paid order back to pending or failed.
 */
public enum OrderStatus {

	/** Waiting for the payment. */
	PENDING(0),
	/** The last payment attempt failed; the buyer may try again. */
	FAILED(1),
	/** Paid: downloads work. */
	PAID(2),
	/** Partly refunded: downloads still work. */
	PARTIALLY_REFUNDED(3),
	/** Wholly refunded: downloads stop. */
	REFUNDED(4);

	private final int rank;

	OrderStatus(int rank) {
		this.rank = rank;
	}

	/**
	 * Whether an order may move from this status to another.
	 * @param next the status asked for
	 * @return true when it is a step forward (a failed order may still be paid)
	 */
	public boolean mayBecome(OrderStatus next) {
		return next.rank > this.rank || (this == PARTIALLY_REFUNDED && next == PARTIALLY_REFUNDED);
	}

}

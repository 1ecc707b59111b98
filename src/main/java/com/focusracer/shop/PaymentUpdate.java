package com.focusracer.shop;

import java.util.UUID;

/**
 * What a payment provider says happened, read from a Stripe webhook or made by the
 * offline test payments: both go through {@link Payments#apply(PaymentUpdate)}.
 *
 * @param eventId the provider's event id (each is applied at most once)
 * @param provider {@code stripe} or {@code test}
 * @param type the event type, e.g. {@code payment_intent.succeeded}
 * @param paymentId the PaymentIntent
 * @param orderId the order named in the payment's metadata, when there is one
 * @param chargeId the charge
 * @param amount what the provider says was paid, in minor units (payments)
 * @param currency in which currency, as the provider writes it (payments)
 * @param amountRefunded all that was refunded so far ({@code charge.refunded})
 * @param disputeId the dispute ({@code charge.dispute.created} and {@code .closed})
 * @param disputeAmount the disputed amount
 * @param disputeReason the bank's reason
 * @param disputeStatus the dispute's status
 * @param payload the raw event, kept
 */
public record PaymentUpdate(String eventId, String provider, String type, String paymentId, UUID orderId,
		String chargeId, Long amount, String currency, Long amountRefunded, String disputeId, Long disputeAmount,
		String disputeReason, String disputeStatus, String payload) {

	/** A payment succeeded. */
	public static final String SUCCEEDED = "payment_intent.succeeded";

	/** A payment attempt failed. */
	public static final String FAILED = "payment_intent.payment_failed";

	/** A charge was refunded, wholly or partly. */
	public static final String REFUNDED = "charge.refunded";

	/** A buyer's bank opened a dispute. */
	public static final String DISPUTED = "charge.dispute.created";

	/** A dispute is over: won, lost, or an inquiry closed. */
	public static final String DISPUTE_CLOSED = "charge.dispute.closed";

	/**
	 * A payment succeeded or failed.
	 * @param amount what was paid ({@code null} when the provider does not say)
	 * @param currency its currency ({@code null} when the provider does not say)
	 * @return the update
	 */
	public static PaymentUpdate payment(String eventId, String provider, boolean succeeded, String paymentId,
			UUID orderId, String chargeId, Long amount, String currency, String payload) {
		return new PaymentUpdate(eventId, provider, succeeded ? SUCCEEDED : FAILED, paymentId, orderId, chargeId,
				amount, currency, null, null, null, null, null, payload);
	}

	/**
	 * A refund.
	 * @return the update
	 */
	public static PaymentUpdate refund(String eventId, String provider, String paymentId, UUID orderId,
			long amountRefunded, String payload) {
		return new PaymentUpdate(eventId, provider, REFUNDED, paymentId, orderId, null, null, null, amountRefunded,
				null, null, null, null, payload);
	}

}

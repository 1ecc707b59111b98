package com.focusracer.shop;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A buyer's order of one event's photos.
 *
 * @param id the id
 * @param eventId the event
 * @param email the buyer's address
 * @param language the buyer's language ({@code fr} or {@code en})
 * @param accountId the runner account that ordered, or {@code null} for a guest
 * @param bib the bib whose photos were all bought, or {@code null}
 * @param resolution what each photo is delivered as
 * @param status where the payment stands
 * @param amount the price, in minor units
 * @param currency ISO code
 * @param refundedAmount what was refunded so far
 * @param pricing how the price was made, as shown to the buyer
 * @param provider {@code stripe}, {@code test} or {@code free}
 * @param paymentId the provider's payment id
 * @param clientSecret the Payment Element's secret (Stripe only)
 * @param linksUntil when the current download links stop working
 * @param createdAt when it was placed
 * @param paidAt when it was paid
 * @param problem the payment the provider reported when it did not match the order, or
 * {@code null}
 * @param disputedAt since when the buyer's bank disputes the payment, or {@code null}
 */
public record Order(UUID id, UUID eventId, String email, String language, UUID accountId, String bib,
		Resolution resolution, OrderStatus status, long amount, String currency, long refundedAmount, String pricing,
		String provider, String paymentId, String clientSecret, Instant linksUntil, Instant createdAt, Instant paidAt,
		PaymentProblem problem, Instant disputedAt) {

	/**
	 * The number people read on pages, e-mails and receipts: the id's first 8 characters.
	 * @return e.g. {@code 084A533D}
	 */
	public String shortId() {
		return this.id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * Whether it is paid through Stripe.
	 * @return true for the {@code stripe} provider
	 */
	public boolean byStripe() {
		return "stripe".equals(this.provider);
	}

	/**
	 * Whether it is paid with the offline test payments.
	 * @return true for the {@code test} provider
	 */
	public boolean byTestPayments() {
		return "test".equals(this.provider);
	}

	/**
	 * Whether its photos were free (a sponsored event): placed as paid, for nothing.
	 * @return true for the {@code free} provider
	 */
	public boolean free() {
		return "free".equals(this.provider);
	}

	/**
	 * Whether it still waits for a (new) payment attempt.
	 * @return true when pending or failed
	 */
	public boolean payable() {
		return this.status == OrderStatus.PENDING || this.status == OrderStatus.FAILED;
	}

	/**
	 * Whether its photos may be downloaded: paid, not wholly refunded, and not disputed.
	 * @return true when downloads work
	 */
	public boolean downloadable() {
		return paid() && !disputed();
	}

	/**
	 * Whether it is paid and not wholly refunded, disputed or not.
	 * @return true when paid or partly refunded
	 */
	public boolean paid() {
		return this.status == OrderStatus.PAID || this.status == OrderStatus.PARTIALLY_REFUNDED;
	}

	/**
	 * Whether the buyer's bank disputes the payment: downloads stop, and the shares of
	 * the sale wait, until the dispute is won.
	 * @return true while disputed
	 */
	public boolean disputed() {
		return this.disputedAt != null;
	}

	/**
	 * The order paid. Only an order waiting for its payment can be: a late or repeated
	 * event never pays an order twice.
	 * @param at when
	 * @param linksUntil the end of its first download links
	 * @return the paid order
	 * @throws IllegalStateException when it is not {@link #payable()}
	 */
	public Order markPaid(Instant at, Instant linksUntil) {
		if (!payable()) {
			throw new IllegalStateException("Order " + this.id + " is " + this.status + ": it cannot be paid");
		}
		return with(OrderStatus.PAID, this.refundedAmount, linksUntil, at, this.problem);
	}

	/**
	 * The order after a failed payment attempt: only a pending order fails, so that a
	 * late failure never takes a paid order back.
	 * @return the failed order, or empty when nothing changes
	 */
	public Optional<Order> markFailed() {
		return (this.status == OrderStatus.PENDING)
				? Optional.of(with(OrderStatus.FAILED, this.refundedAmount, this.linksUntil, this.paidAt, this.problem))
				: Optional.empty();
	}

	/**
	 * The order after the provider says how much of it was refunded in all: partly, or
	 * wholly refunded. Refunds only add up.
	 * @param refundedInAll all that the provider refunded so far
	 * @return the refunded order, or empty when nothing changes (not paid, or no more
	 * refunded than known)
	 */
	public Optional<Order> refund(long refundedInAll) {
		if (!paid() || refundedInAll <= this.refundedAmount) {
			return Optional.empty();
		}
		long refunded = Math.min(refundedInAll, this.amount);
		OrderStatus after = (refunded >= this.amount) ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
		return Optional.of(with(after, refunded, this.linksUntil, this.paidAt, this.problem));
	}

	/**
	 * The order with a reported payment that is not its own: held for an admin while it
	 * waits for its payment; an order already paid keeps its status (and its downloads),
	 * and the report.
	 * @param reported what the provider reported
	 * @return the order, held when it was payable
	 */
	public Order hold(PaymentProblem reported) {
		return with(payable() ? OrderStatus.PAYMENT_PROBLEM : this.status, this.refundedAmount, this.linksUntil,
				this.paidAt, reported);
	}

	/**
	 * Whether {@link #hold(PaymentProblem)} holds it.
	 * @return true for an order held for an admin
	 */
	public boolean held() {
		return this.status == OrderStatus.PAYMENT_PROBLEM;
	}

	private Order with(OrderStatus status, long refundedAmount, Instant linksUntil, Instant paidAt,
			PaymentProblem problem) {
		return new Order(this.id, this.eventId, this.email, this.language, this.accountId, this.bib, this.resolution,
				status, this.amount, this.currency, refundedAmount, this.pricing, this.provider, this.paymentId,
				this.clientSecret, linksUntil, this.createdAt, paidAt, problem, this.disputedAt);
	}

	/**
	 * A payment the provider reported that does not match the order: kept for admins.
	 *
	 * @param eventId the provider's event
	 * @param amount the amount it reported, or {@code null} when it gave none
	 * @param currency the currency it reported, or {@code null}
	 * @param at when it arrived
	 */
	public record PaymentProblem(String eventId, Long amount, String currency, Instant at) {

	}

}

package com.focusracer.shop;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.privacy.AuditLog;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shop.internal.DisputeRepository;
import com.focusracer.shop.internal.OrderRepository;
import com.focusracer.shop.internal.RefundRepository;
import com.focusracer.shop.internal.StripeGateway;
import com.stripe.exception.StripeException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds decided by admins, and the disputes opened by buyers' banks.
 */
@Service
public class Refunds {

	private static final Logger log = LoggerFactory.getLogger(Refunds.class);

	private final OrderRepository orderRepository;

	private final RefundRepository refundRepository;

	private final DisputeRepository disputeRepository;

	private final Payments payments;

	private final StripeGateway stripe;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Refunds(OrderRepository orderRepository, RefundRepository refundRepository, DisputeRepository disputeRepository,
			Payments payments, StripeGateway stripe, AuditLog audit, TransactionTemplate transactions, Clock clock) {
		this.orderRepository = orderRepository;
		this.refundRepository = refundRepository;
		this.disputeRepository = disputeRepository;
		this.payments = payments;
		this.stripe = stripe;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Refunds an order wholly or partly. The refund is recorded with its idempotency key
	 * before Stripe is called; the order moves through the same code as Stripe's
	 * {@code charge.refunded} webhook, which then finds nothing left to do.
	 * @param orderId the order
	 * @param amount the amount, {@code null} for all that is left
	 * @param adminId the admin
	 * @param adminEmail the admin's address, for the audit log
	 * @return the order after the refund
	 */
	public Order refund(UUID orderId, Long amount, UUID adminId, String adminEmail) {
		Order order = this.orderRepository.order(orderId)
			.orElseThrow(() -> new UserMistakeException("shop.order.unknown"));
		if (order.disputed()) {
			// The bank holds the money already: a refund would pay the buyer twice.
			throw new UserMistakeException("shop.refund.disputed");
		}
		if (!order.downloadable()) {
			throw new UserMistakeException("shop.refund.notPaid");
		}
		long left = order.amount() - Math.max(order.refundedAmount(), this.refundRepository.refundsAsked(orderId));
		long refund = (amount != null) ? amount : left;
		if (refund <= 0 || refund > left) {
			throw new UserMistakeException("shop.refund.amount",
					Money.format(left, order.currency(), java.util.Locale.ENGLISH));
		}
		UUID refundId = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			this.refundRepository.insertRefund(refundId, orderId, refund, adminId, this.clock.instant());
			this.audit.record(adminId, adminEmail, "order.refund", "order", orderId.toString(),
					Money.format(refund, order.currency(), java.util.Locale.ENGLISH));
		});
		if (order.byStripe()) {
			try {
				String providerId = this.stripe.refund(order.paymentId(), refund, "refund-" + refundId);
				this.transactions
					.executeWithoutResult((status) -> this.refundRepository.refundDone(refundId, providerId));
			}
			catch (com.stripe.exception.ApiConnectionException ex) {
				// No answer: Stripe may have made the refund. It stays asked (its
				// charge.refunded webhook will confirm it); a new attempt would risk a
				// second refund.
				log.warn("Stripe did not answer the refund of order {}: {}", orderId, ex.getMessage());
				throw new UserMistakeException("shop.refund.providerSilent", ex.getMessage());
			}
			catch (StripeException ex) {
				// Refused: nothing was refunded, and nothing is counted as refunded.
				log.warn("Stripe refused the refund of order {}: {}", orderId, ex.getMessage());
				this.transactions.executeWithoutResult((status) -> {
					this.refundRepository.refundFailed(refundId, ex.getMessage(), this.clock.instant());
					this.audit.record(adminId, adminEmail, "order.refundFailed", "order", orderId.toString(),
							order.eventId(),
							Money.format(refund, order.currency(), java.util.Locale.ENGLISH) + " : " + ex.getMessage());
				});
				throw new UserMistakeException("shop.refund.providerFailed", ex.getMessage());
			}
		}
		long total = this.refundRepository.refundsAsked(orderId);
		this.payments.apply(PaymentUpdate.refund("refund_" + refundId, order.provider(), order.paymentId(), orderId,
				total, "{\"refund\":\"" + refundId + "\",\"amount_refunded\":" + total + "}"));
		return this.orderRepository.order(orderId).orElseThrow();
	}

	/**
	 * The disputes, newest first.
	 * @return the disputes
	 */
	public List<Dispute> disputes() {
		return this.disputeRepository.disputes(200);
	}

}

package com.focusracer.shop;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.shop.internal.DisputeRepository;
import com.focusracer.shop.internal.OrderRepository;
import com.focusracer.shop.internal.PaymentEventRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what payment providers say to orders: each provider event once, an order only
 * ever forward, and fulfilment (shares, e-mail, links) in the same transaction as the
 * move to paid — so it happens exactly once whatever the number of deliveries.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	private final StripeWebhooks webhooks;

	private final PaymentEventRepository paymentEventRepository;

	private final OrderRepository orderRepository;

	private final DisputeRepository disputeRepository;

	private final ShopProperties properties;

	private final ShopMails mails;

	private final Invoices invoices;

	private final SaleShares shares;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	Payments(StripeWebhooks webhooks, PaymentEventRepository paymentEventRepository, OrderRepository orderRepository,
			DisputeRepository disputeRepository, ShopProperties properties, ShopMails mails, Invoices invoices,
			SaleShares shares, ApplicationEventPublisher publisher, Clock clock) {
		this.webhooks = webhooks;
		this.paymentEventRepository = paymentEventRepository;
		this.orderRepository = orderRepository;
		this.disputeRepository = disputeRepository;
		this.properties = properties;
		this.mails = mails;
		this.invoices = invoices;
		this.shares = shares;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Checks a Stripe webhook's signature on the raw body and reads it.
	 * @param payload the raw body
	 * @param signature the {@code Stripe-Signature} header
	 * @return the update, or empty for an event type the shop does not act on
	 * @throws BadSignatureException when the signature is missing, wrong or too old
	 * @throws UnreadableEventException when it is signed but cannot be read (it is kept
	 * for admins)
	 */
	public Optional<PaymentUpdate> readStripeWebhook(String payload, String signature) {
		return this.webhooks.read(payload, signature);
	}

	/**
	 * Applies a provider event to its order, at most once per event id.
	 * @param update what the provider says
	 * @return what came of it
	 */
	@Transactional
	public Outcome apply(PaymentUpdate update) {
		Instant now = this.clock.instant();
		if (!this.paymentEventRepository.claimEvent(update.eventId(), update.provider(), update.type(),
				update.payload(), now)) {
			return Outcome.DUPLICATE;
		}
		Optional<UUID> orderId = findOrder(update);
		if (orderId.isEmpty()) {
			this.paymentEventRepository.eventHandled(update.eventId(), null, "IGNORED", now);
			return Outcome.NOT_OURS;
		}
		Order order = this.orderRepository.lockOrder(orderId.get()).orElseThrow();
		if (PaymentUpdate.SUCCEEDED.equals(update.type()) && !paysFor(update, order)) {
			Outcome held = hold(order, update, now);
			this.paymentEventRepository.eventHandled(update.eventId(), order.id(), "MISMATCH", now);
			return held;
		}
		Outcome outcome = switch (update.type()) {
			case PaymentUpdate.SUCCEEDED -> succeeded(order, update.chargeId(), now);
			case PaymentUpdate.FAILED -> failed(order, now);
			case PaymentUpdate.REFUNDED -> refunded(order, update.amountRefunded(), now);
			case PaymentUpdate.DISPUTED, PaymentUpdate.DISPUTE_CLOSED -> disputed(order, update, now);
			default -> Outcome.UNCHANGED;
		};
		this.paymentEventRepository.eventHandled(update.eventId(), order.id(), "HANDLED", now);
		return outcome;
	}

	/**
	 * Places a free order as paid at once (sponsored events).
	 * @param order the order, just stored
	 */
	@Transactional
	public void fulfilFree(Order order) {
		Order locked = this.orderRepository.lockOrder(order.id()).orElseThrow();
		succeeded(locked, null, this.clock.instant());
	}

	private Optional<UUID> findOrder(PaymentUpdate update) {
		if (update.paymentId() != null) {
			Optional<UUID> byPayment = this.orderRepository.orderOfPayment(update.paymentId());
			if (byPayment.isPresent()) {
				return byPayment;
			}
		}
		if (update.chargeId() != null && (PaymentUpdate.DISPUTED.equals(update.type())
				|| PaymentUpdate.DISPUTE_CLOSED.equals(update.type()))) {
			Optional<UUID> byCharge = this.orderRepository.orderOfCharge(update.chargeId());
			if (byCharge.isPresent()) {
				return byCharge;
			}
		}
		// The webhook may come before the intent's id was stored (a crash in between):
		// the metadata still names the order.
		return Optional.ofNullable(update.orderId()).filter((id) -> this.orderRepository.order(id).isPresent());
	}

	private Outcome succeeded(Order order, String chargeId, Instant now) {
		if (!order.payable()) {
			return Outcome.UNCHANGED;
		}
		Order paid = order.markPaid(now, now.plus(this.properties.linkLifetime()));
		this.orderRepository.setPaid(paid.id(), chargeId, paid.paidAt(), paid.linksUntil());
		// Numbered in this transaction: a payment that rolls back takes no number.
		Invoice invoice = this.invoices.issue(paid, now);
		this.shares.paid(paid, now);
		this.mails.paid(paid, invoice);
		this.publisher.publishEvent(new OrderPaid(paid.id(), paid.eventId(), paid.amount(), paid.currency()));
		log.info("Order {} paid ({} {})", paid.id(), paid.amount(), paid.currency());
		return Outcome.APPLIED;
	}

	/**
	 * Whether a reported payment is exactly the order's price, in the order's currency.
	 */
	private static boolean paysFor(PaymentUpdate update, Order order) {
		return update.amount() != null && update.amount() == order.amount() && update.currency() != null
				&& update.currency().equalsIgnoreCase(order.currency());
	}

	/**
	 * A payment that is not the order's: the order is held, with what was reported, for
	 * an admin to sort out; nothing is fulfilled.
	 */
	private Outcome hold(Order order, PaymentUpdate update, Instant now) {
		log.warn("Order {} held: {} event {} reports {} {} for an order of {} {}", order.id(), update.provider(),
				update.eventId(), update.amount(), update.currency(), order.amount(), order.currency());
		Order held = order.hold(new Order.PaymentProblem(update.eventId(), update.amount(), update.currency(), now));
		this.orderRepository.setPaymentProblem(held.id(), held.problem(), held.held());
		return held.held() ? Outcome.HELD : Outcome.UNCHANGED;
	}

	private Outcome failed(Order order, Instant now) {
		Optional<Order> failed = order.markFailed();
		failed.ifPresent((attempt) -> {
			this.orderRepository.setStatus(attempt.id(), attempt.status(), now);
			this.mails.failed(attempt);
		});
		return failed.isPresent() ? Outcome.APPLIED : Outcome.UNCHANGED;
	}

	private Outcome refunded(Order order, Long amountRefunded, Instant now) {
		Optional<Order> after = (amountRefunded != null) ? order.refund(amountRefunded) : Optional.empty();
		if (after.isEmpty()) {
			return Outcome.UNCHANGED;
		}
		Order refunded = after.get();
		long more = refunded.refundedAmount() - order.refundedAmount();
		this.orderRepository.setRefunded(refunded.id(), refunded.status(), refunded.refundedAmount(), now);
		this.invoices.creditNote(order, more, now);
		this.shares.refunded(order, refunded.refundedAmount(), now);
		this.mails.refunded(order, more, refunded.status() == OrderStatus.REFUNDED);
		return Outcome.APPLIED;
	}

	/**
	 * A dispute opened or closed. Opened, the order's downloads stop and its shares wait
	 * (the bank holds the money). Won (or an inquiry closed), both resume. Lost, the
	 * money went back to the buyer: the shares are cancelled, and those already paid out
	 * taken back, as for a full refund; the order stays disputed.
	 */
	private Outcome disputed(Order order, PaymentUpdate update, Instant now) {
		String status = (update.disputeStatus() != null) ? update.disputeStatus() : "unknown";
		this.disputeRepository.saveDispute(update.disputeId(), order.id(), update.disputeAmount(), order.currency(),
				update.disputeReason(), status, now);
		if (PaymentUpdate.DISPUTED.equals(update.type())) {
			this.orderRepository.setDisputed(order.id(), now);
			log.warn("Order {} disputed ({}): downloads stopped, shares held", order.id(), update.disputeId());
		}
		else if ("won".equals(status) || "warning_closed".equals(status)) {
			this.orderRepository.setDisputed(order.id(), null);
			log.info("Dispute {} of order {} closed ({}): downloads and payouts resume", update.disputeId(), order.id(),
					status);
		}
		else if ("lost".equals(status) && order.paid()) {
			this.shares.refunded(order, order.amount(), now);
			log.warn("Dispute {} of order {} lost: its shares are cancelled or taken back", update.disputeId(),
					order.id());
		}
		return Outcome.APPLIED;
	}

	/**
	 * The unreadable events admins should look at.
	 * @return the newest first
	 */
	@Transactional(readOnly = true)
	public List<PaymentEvent> unreadable() {
		return this.paymentEventRepository.paymentEvents("UNPARSEABLE", 200);
	}

	/**
	 * What applying an event did.
	 */
	public enum Outcome {

		/** The order moved. */
		APPLIED,
		/**
		 * The reported payment is not the order's (amount or currency): the order is held
		 * for an admin.
		 */
		HELD,
		/** The order was already there or further: nothing changed. */
		UNCHANGED,
		/** This event id was handled before. */
		DUPLICATE,
		/** No order of this shop is concerned. */
		NOT_OURS

	}

	/**
	 * A webhook whose signature is missing, wrong or too old.
	 */
	public static class BadSignatureException extends RuntimeException {

		BadSignatureException() {
			super("Bad Stripe signature");
		}

	}

	/**
	 * A signed event the shop could not read; it is kept and shown to admins.
	 */
	public static class UnreadableEventException extends RuntimeException {

		UnreadableEventException(String eventId) {
			super("Payment event " + eventId + " could not be read");
		}

	}

}

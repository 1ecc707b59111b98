package com.focusracer.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.shop.internal.ShopRepository;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.ApiResource;
import com.stripe.net.Webhook;

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

	/** How old a signed webhook may be: Stripe's own default. */
	static final long TOLERANCE_SECONDS = 300;

	private final ShopRepository repository;

	private final ShopProperties properties;

	private final ShopMails mails;

	private final Invoices invoices;

	private final SaleShares shares;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	Payments(ShopRepository repository, ShopProperties properties, ShopMails mails, Invoices invoices,
			SaleShares shares, ApplicationEventPublisher publisher, Clock clock) {
		this.repository = repository;
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
		String secret = this.properties.stripe().webhookSecret();
		if (secret == null || secret.isBlank() || signature == null) {
			throw new BadSignatureException();
		}
		try {
			Webhook.Signature.verifyHeader(payload, signature, secret, TOLERANCE_SECONDS, this.clock);
		}
		catch (SignatureVerificationException ex) {
			throw new BadSignatureException();
		}
		String eventId = null;
		try {
			JsonObject root = JsonParser.parseString(payload).getAsJsonObject();
			eventId = text(root, "id");
			String type = text(root, "type");
			if (eventId == null || type == null) {
				throw new IllegalArgumentException("no id or type");
			}
			JsonObject object = root.getAsJsonObject("data").getAsJsonObject("object");
			return Optional.ofNullable(switch (type) {
				case PaymentUpdate.SUCCEEDED, PaymentUpdate.FAILED -> {
					// The money read by stripe-java's own model of a PaymentIntent.
					PaymentIntent intent = ApiResource.GSON.fromJson(object, PaymentIntent.class);
					yield new PaymentUpdate(eventId, "stripe", type, required(object, "id"), metadataOrder(object),
							text(object, "latest_charge"), received(intent), intent.getCurrency(), null, null, null,
							null, null, payload);
				}
				case PaymentUpdate.REFUNDED -> new PaymentUpdate(eventId, "stripe", type,
						required(object, "payment_intent"), metadataOrder(object), required(object, "id"), null, null,
						object.get("amount_refunded").getAsLong(), null, null, null, null, payload);
				case PaymentUpdate.DISPUTED, PaymentUpdate.DISPUTE_CLOSED ->
					new PaymentUpdate(eventId, "stripe", type, text(object, "payment_intent"), null,
							required(object, "charge"), null, null, null, required(object, "id"),
							object.get("amount").getAsLong(), text(object, "reason"), text(object, "status"), payload);
				default -> null;
			});
		}
		catch (RuntimeException ex) {
			String id = (eventId != null) ? eventId : "unreadable-" + sha256(payload);
			keepUnreadable(id, "stripe", payload, ex.toString());
			throw new UnreadableEventException(id);
		}
	}

	/**
	 * Keeps an event that could not be read, for admins to see (one statement, committed
	 * on its own: the webhook itself runs in no transaction); its later deliveries are
	 * tried again.
	 */
	private void keepUnreadable(String eventId, String provider, String payload, String error) {
		log.warn("Payment event {} could not be handled: {}", eventId, error);
		this.repository.keepUnparseable(eventId, provider, payload, error, this.clock.instant());
	}

	/**
	 * Applies a provider event to its order, at most once per event id.
	 * @param update what the provider says
	 * @return what came of it
	 */
	@Transactional
	public Outcome apply(PaymentUpdate update) {
		Instant now = this.clock.instant();
		if (!this.repository.claimEvent(update.eventId(), update.provider(), update.type(), update.payload(), now)) {
			return Outcome.DUPLICATE;
		}
		Optional<UUID> orderId = findOrder(update);
		if (orderId.isEmpty()) {
			this.repository.eventHandled(update.eventId(), null, "IGNORED", now);
			return Outcome.NOT_OURS;
		}
		Order order = this.repository.lockOrder(orderId.get()).orElseThrow();
		if (PaymentUpdate.SUCCEEDED.equals(update.type()) && !paysFor(update, order)) {
			Outcome held = hold(order, update, now);
			this.repository.eventHandled(update.eventId(), order.id(), "MISMATCH", now);
			return held;
		}
		Outcome outcome = switch (update.type()) {
			case PaymentUpdate.SUCCEEDED -> succeeded(order, update.chargeId(), now);
			case PaymentUpdate.FAILED -> failed(order, now);
			case PaymentUpdate.REFUNDED -> refunded(order, update.amountRefunded(), now);
			case PaymentUpdate.DISPUTED, PaymentUpdate.DISPUTE_CLOSED -> disputed(order, update, now);
			default -> Outcome.UNCHANGED;
		};
		this.repository.eventHandled(update.eventId(), order.id(), "HANDLED", now);
		return outcome;
	}

	/**
	 * Places a free order as paid at once (sponsored events).
	 * @param order the order, just stored
	 */
	@Transactional
	public void fulfilFree(Order order) {
		Order locked = this.repository.lockOrder(order.id()).orElseThrow();
		succeeded(locked, null, this.clock.instant());
	}

	private Optional<UUID> findOrder(PaymentUpdate update) {
		if (update.paymentId() != null) {
			Optional<UUID> byPayment = this.repository.orderOfPayment(update.paymentId());
			if (byPayment.isPresent()) {
				return byPayment;
			}
		}
		if (update.chargeId() != null && (PaymentUpdate.DISPUTED.equals(update.type())
				|| PaymentUpdate.DISPUTE_CLOSED.equals(update.type()))) {
			Optional<UUID> byCharge = this.repository.orderOfCharge(update.chargeId());
			if (byCharge.isPresent()) {
				return byCharge;
			}
		}
		// The webhook may come before the intent's id was stored (a crash in between):
		// the metadata still names the order.
		return Optional.ofNullable(update.orderId()).filter((id) -> this.repository.order(id).isPresent());
	}

	private Outcome succeeded(Order order, String chargeId, Instant now) {
		if (!order.payable()) {
			return Outcome.UNCHANGED;
		}
		Instant linksUntil = now.plus(this.properties.linkLifetime());
		this.repository.setPaid(order.id(), chargeId, now, linksUntil);
		Order paid = this.repository.order(order.id()).orElseThrow();
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
		// An order already paid keeps its status (and its downloads); the report is kept
		// all the same.
		boolean hold = order.payable();
		this.repository.setPaymentProblem(order.id(),
				new Order.PaymentProblem(update.eventId(), update.amount(), update.currency(), now), hold);
		return hold ? Outcome.HELD : Outcome.UNCHANGED;
	}

	private Outcome failed(Order order, Instant now) {
		if (order.status() != OrderStatus.PENDING) {
			return Outcome.UNCHANGED;
		}
		this.repository.setStatus(order.id(), OrderStatus.FAILED, now);
		this.mails.failed(order);
		return Outcome.APPLIED;
	}

	private Outcome refunded(Order order, Long amountRefunded, Instant now) {
		if (amountRefunded == null || amountRefunded <= order.refundedAmount()
				|| !(order.status() == OrderStatus.PAID || order.status() == OrderStatus.PARTIALLY_REFUNDED)) {
			return Outcome.UNCHANGED;
		}
		long refunded = Math.min(amountRefunded, order.amount());
		OrderStatus status = (refunded >= order.amount()) ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
		this.repository.setRefunded(order.id(), status, refunded, now);
		this.invoices.creditNote(order, refunded - order.refundedAmount(), now);
		this.shares.refunded(order, refunded, now);
		this.mails.refunded(order, refunded - order.refundedAmount(), status == OrderStatus.REFUNDED);
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
		this.repository.saveDispute(update.disputeId(), order.id(), update.disputeAmount(), order.currency(),
				update.disputeReason(), status, now);
		if (PaymentUpdate.DISPUTED.equals(update.type())) {
			this.repository.setDisputed(order.id(), now);
			log.warn("Order {} disputed ({}): downloads stopped, shares held", order.id(), update.disputeId());
		}
		else if ("won".equals(status) || "warning_closed".equals(status)) {
			this.repository.setDisputed(order.id(), null);
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
	 * What a PaymentIntent says was received: {@code amount_received}, or its
	 * {@code amount} when the event does not give it.
	 */
	private static Long received(PaymentIntent intent) {
		return (intent.getAmountReceived() != null) ? intent.getAmountReceived() : intent.getAmount();
	}

	private static UUID metadataOrder(JsonObject object) {
		JsonElement metadata = object.get("metadata");
		if (metadata == null || !metadata.isJsonObject()) {
			return null;
		}
		String id = text(metadata.getAsJsonObject(), "order_id");
		try {
			return (id != null) ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String required(JsonObject object, String field) {
		String value = text(object, field);
		if (value == null) {
			throw new IllegalArgumentException("no " + field);
		}
		return value;
	}

	private static String text(JsonObject object, String field) {
		JsonElement value = object.get(field);
		if (value == null || value.isJsonNull()) {
			return null;
		}
		if (value.isJsonObject()) {
			// An expanded object: its id.
			return text(value.getAsJsonObject(), "id");
		}
		return value.getAsString();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The unreadable events admins should look at.
	 * @return the newest first
	 */
	@Transactional(readOnly = true)
	public List<ShopRepository.PaymentEventRow> unreadable() {
		return this.repository.paymentEvents("UNPARSEABLE", 200);
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

package com.focusracer.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.shop.internal.PaymentEventRepository;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import com.stripe.net.Webhook;

import org.springframework.stereotype.Component;

/**
 * Reads Stripe's webhooks: the signature checked on the raw body, then the event and its
 * object read by stripe-java's own models ({@link EventDataObjectDeserializer}), and what
 * the shop acts on made a {@link PaymentUpdate}. A signed event that cannot be read is
 * kept for admins.
 */
@Component
class StripeWebhooks {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

	/** How old a signed webhook may be: Stripe's own default. */
	static final long TOLERANCE_SECONDS = 300;

	private final PaymentEventRepository events;

	private final ShopProperties properties;

	private final Clock clock;

	StripeWebhooks(PaymentEventRepository events, ShopProperties properties, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Checks a webhook's signature and reads it.
	 * @param payload the raw body
	 * @param signature the {@code Stripe-Signature} header
	 * @return the update, or empty for an event type the shop does not act on
	 * @throws Payments.BadSignatureException when the signature is missing, wrong or too
	 * old
	 * @throws Payments.UnreadableEventException when it is signed but cannot be read
	 */
	Optional<PaymentUpdate> read(String payload, String signature) {
		String secret = this.properties.stripe().webhookSecret();
		if (secret == null || secret.isBlank() || signature == null) {
			throw new Payments.BadSignatureException();
		}
		try {
			Webhook.Signature.verifyHeader(payload, signature, secret, TOLERANCE_SECONDS, this.clock);
		}
		catch (SignatureVerificationException ex) {
			throw new Payments.BadSignatureException();
		}
		String eventId = null;
		try {
			Event event = ApiResource.GSON.fromJson(payload, Event.class);
			eventId = event.getId();
			String type = event.getType();
			if (eventId == null || type == null) {
				throw new IllegalArgumentException("no id or type");
			}
			return Optional.ofNullable(switch (type) {
				case PaymentUpdate.SUCCEEDED, PaymentUpdate.FAILED -> {
					PaymentIntent intent = (PaymentIntent) object(event);
					yield new PaymentUpdate(eventId, "stripe", type, required(intent.getId(), "id"),
							order(intent.getMetadata()), intent.getLatestCharge(), received(intent),
							intent.getCurrency(), null, null, null, null, null, payload);
				}
				case PaymentUpdate.REFUNDED -> {
					Charge charge = (Charge) object(event);
					yield new PaymentUpdate(eventId, "stripe", type,
							required(charge.getPaymentIntent(), "payment_intent"), order(charge.getMetadata()),
							required(charge.getId(), "id"), null, null,
							required(charge.getAmountRefunded(), "amount_refunded"), null, null, null, null, payload);
				}
				case PaymentUpdate.DISPUTED, PaymentUpdate.DISPUTE_CLOSED -> {
					com.stripe.model.Dispute dispute = (com.stripe.model.Dispute) object(event);
					yield new PaymentUpdate(eventId, "stripe", type, dispute.getPaymentIntent(), null,
							required(dispute.getCharge(), "charge"), null, null, null, required(dispute.getId(), "id"),
							required(dispute.getAmount(), "amount"), dispute.getReason(), dispute.getStatus(), payload);
				}
				default -> null;
			});
		}
		catch (RuntimeException ex) {
			String id = (eventId != null) ? eventId : "unreadable-" + sha256(payload);
			// One statement, committed on its own: the webhook runs in no transaction.
			log.warn("Payment event {} could not be handled: {}", id, ex.toString());
			this.events.keepUnparseable(id, "stripe", payload, ex.toString(), this.clock.instant());
			throw new Payments.UnreadableEventException(id);
		}
	}

	/**
	 * The event's object, read with stripe-java's model of the event's API version, or of
	 * its own when they differ.
	 */
	private static StripeObject object(Event event) {
		EventDataObjectDeserializer data = event.getDataObjectDeserializer();
		return data.getObject().orElseGet(() -> {
			try {
				return data.deserializeUnsafe();
			}
			catch (EventDataObjectDeserializationException ex) {
				throw new IllegalArgumentException("unreadable object: " + ex.getMessage(), ex);
			}
		});
	}

	/**
	 * What a PaymentIntent says was received: {@code amount_received}, or its
	 * {@code amount} when the event does not give it.
	 */
	private static Long received(PaymentIntent intent) {
		return (intent.getAmountReceived() != null) ? intent.getAmountReceived() : intent.getAmount();
	}

	private static UUID order(Map<String, String> metadata) {
		String id = (metadata != null) ? metadata.get("order_id") : null;
		try {
			return (id != null) ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static <T> T required(T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("no " + field);
		}
		return value;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

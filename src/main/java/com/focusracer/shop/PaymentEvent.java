package com.focusracer.shop;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider event as stored.
 *
 * @param id the provider's event id
 * @param provider {@code stripe} or {@code test}
 * @param type the event type
 * @param orderId the order it concerned
 * @param status RECEIVED, HANDLED, IGNORED or UNPARSEABLE
 * @param error why it could not be handled
 * @param payload the start of the raw payload
 * @param receivedAt when it (last) arrived
 */
public record PaymentEvent(String id, String provider, String type, UUID orderId, String status, String error,
		String payload, Instant receivedAt) {

}

package com.focusracer.shop;

import java.util.UUID;

/**
 * An order was placed and now waits for its payment: the funnel step between the cart and
 * {@link OrderPaid}. Carries nothing about the buyer.
 *
 * @param eventId the event
 */
public record CheckoutStarted(UUID eventId) {

}

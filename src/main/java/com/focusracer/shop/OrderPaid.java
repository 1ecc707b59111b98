package com.focusracer.shop;

import java.util.UUID;

/**
 * Published once when an order is paid (or a free order is placed).
 *
 * @param orderId the order
 * @param eventId its event
 * @param amount what was paid, in minor units
 * @param currency ISO code
 */
public record OrderPaid(UUID orderId, UUID eventId, long amount, String currency) {

}

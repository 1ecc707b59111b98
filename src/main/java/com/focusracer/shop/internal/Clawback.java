package com.focusracer.shop.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Part of a share taken back after a refund.
 *
 * @param shareId the share
 * @param orderId its sale
 * @param eventId the sale's event
 * @param role the share's role
 * @param amount what was taken back
 * @param currency ISO code
 * @param createdAt when
 */
public record Clawback(UUID shareId, UUID orderId, UUID eventId, String role, long amount, String currency,
		Instant createdAt) {

}

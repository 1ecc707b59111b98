package com.focusracer.shop.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One beneficiary's share of one sale.
 *
 * @param id the id
 * @param orderId the order
 * @param eventId its event
 * @param accountId the beneficiary ({@code null} for the platform)
 * @param role PLATFORM, PHOTOGRAPHER or ORGANIZER
 * @param gross the sale amount this share comes from
 * @param fee the platform fee taken from that amount
 * @param amount the share
 * @param currency ISO code
 * @param status KEPT (platform), DUE, PAYING (in a payout not done yet), PAID_OUT or
 * CANCELLED
 * @param idempotencyKey the key of its transfer
 * @param transferId the Stripe transfer, once paid out
 * @param createdAt when it was earned
 */
public record SaleShare(UUID id, UUID orderId, UUID eventId, UUID accountId, String role, long gross, long fee,
		long amount, String currency, String status, String idempotencyKey, String transferId, Instant createdAt) {

}

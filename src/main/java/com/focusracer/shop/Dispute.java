package com.focusracer.shop;

import java.time.Instant;
import java.util.UUID;

/**
 * A dispute opened by a buyer's bank.
 *
 * @param id Stripe's dispute id
 * @param orderId the order
 * @param email the buyer
 * @param amount the disputed amount
 * @param currency ISO code
 * @param reason the bank's reason
 * @param status Stripe's status
 * @param createdAt when it arrived
 */
public record Dispute(String id, UUID orderId, String email, long amount, String currency, String reason, String status,
		Instant createdAt) {

}

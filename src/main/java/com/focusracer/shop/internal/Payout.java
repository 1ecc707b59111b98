package com.focusracer.shop.internal;

import java.util.UUID;

/**
 * One transfer to a pro, for one share.
 *
 * @param id the id: the transfer's idempotency key and {@code transfer_group} are made
 * from it
 * @param shareId the share paid out
 * @param orderId the sale
 * @param accountId the pro
 * @param stripeAccountId the pro's Stripe account
 * @param amount what is transferred: the share less {@code netted}
 * @param netted what was taken off the share for clawbacks the pro owed
 * @param currency ISO code
 * @param status {@code INTENT} until the transfer is recorded, then {@code DONE}
 * @param transferId Stripe's transfer, once done
 * @param attempts how many times a node took it
 */
public record Payout(UUID id, UUID shareId, UUID orderId, UUID accountId, String stripeAccountId, long amount,
		long netted, String currency, String status, String transferId, int attempts) {

	/**
	 * The transfer's {@code transfer_group} and idempotency key.
	 * @return {@code payout-<id>}
	 */
	public String group() {
		return "payout-" + this.id;
	}

}

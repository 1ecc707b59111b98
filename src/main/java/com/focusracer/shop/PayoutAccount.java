package com.focusracer.shop;

import java.util.UUID;

/**
 * A Stripe Connect account of a pro.
 *
 * @param accountId the pro account
 * @param stripeAccountId the Express account
 * @param ready whether onboarding is complete
 */
public record PayoutAccount(UUID accountId, String stripeAccountId, boolean ready) {

}

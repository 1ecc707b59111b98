/**
 * The shop: price packs, cart quotes, orders, payments (Stripe or offline test payments),
 * downloads of the originals, receipts, refunds, disputes and payouts.
 */
package com.focusracer.shop;

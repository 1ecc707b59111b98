/**
 * Storage of the shop and the Stripe client.
 */
package com.focusracer.shop.internal;

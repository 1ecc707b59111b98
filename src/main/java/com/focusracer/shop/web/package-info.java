/**
 * Order API, Stripe webhook, cart, order, pro and admin pages of the shop.
 */
package com.focusracer.shop.web;

package com.focusracer.shop;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shop ({@code focusracer.shop.*}).
 *
 * @param platformFeePercent the platform's fee on each sale
 * ({@code PLATFORM_FEE_PERCENT}, 10)
 * @param linkLifetime how long download links work (7 days)
 * @param vatPercent the VAT included in prices, shown on receipts (20; 0 for no VAT line)
 * @param seller who sells, as printed on receipts
 * @param stripe the Stripe account; empty keys mean offline test payments
 */
@ConfigurationProperties("focusracer.shop")
public record ShopProperties(Integer platformFeePercent, Duration linkLifetime, Integer vatPercent, Seller seller,
		Stripe stripe) {

	public ShopProperties {
		platformFeePercent = (platformFeePercent != null) ? platformFeePercent : 10;
		linkLifetime = (linkLifetime != null) ? linkLifetime : Duration.ofDays(7);
		vatPercent = (vatPercent != null) ? vatPercent : 20;
		seller = (seller != null) ? seller : new Seller(null, null, null);
		stripe = (stripe != null) ? stripe : new Stripe(null, null, null, null);
	}

	/**
	 * Whether payments go through Stripe (else the offline test payments).
	 * @return true when a Stripe secret key is set
	 */
	public boolean stripeEnabled() {
		return this.stripe.secretKey() != null && !this.stripe.secretKey().isBlank();
	}

	/**
	 * The seller printed on receipts.
	 *
	 * @param name the company name
	 * @param address its address
	 * @param vatNumber its VAT number
	 */
	public record Seller(String name, String address, String vatNumber) {

		public Seller {
			name = (name != null && !name.isBlank()) ? name : "Focus Racer";
			address = (address != null) ? address : "";
			vatNumber = (vatNumber != null) ? vatNumber : "";
		}

	}

	/**
	 * Stripe keys.
	 *
	 * @param secretKey {@code STRIPE_SECRET_KEY}
	 * @param publishableKey {@code STRIPE_PUBLISHABLE_KEY}
	 * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}
	 * @param apiBase the API's address (tests point it elsewhere), Stripe's by default
	 */
	public record Stripe(String secretKey, String publishableKey, String webhookSecret, String apiBase) {

	}

}

package com.focusracer.shop;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shop ({@code focusracer.shop.*}).
 *
 * @param platformFeePercent the platform's fee on each sale
 * ({@code PLATFORM_FEE_PERCENT}, 10)
 * @param linkLifetime how long download links work (7 days)
 * @param linksRenewableFor how long after the payment an order's key may still renew its
 * download links (30 days); after that only the buyer's signed-in account can
 * @param stripe the Stripe account
 * @param testPayments whether the offline test payments are on when no Stripe key is set
 * (off by default: without either, nothing is on sale)
 * @param downloadKeys the keys that sign download links and order keys, each Base64 of at
 * least 32 bytes: the first signs, every one is accepted (a rotation puts the new key
 * first); empty to use the key made once per installation
 * @param supportEmail the address buyers are told to write to when their order needs a
 * person
 * @param payoutHoldingPeriod how long after its payment a sale's shares wait before they
 * are paid out (7 days), so that refunds and disputes land first
 */
@ConfigurationProperties("focusracer.shop")
public record ShopProperties(Integer platformFeePercent, Duration linkLifetime, Duration linksRenewableFor,
		Stripe stripe, Boolean testPayments, List<String> downloadKeys, String supportEmail,
		Duration payoutHoldingPeriod) {

	public ShopProperties {
		platformFeePercent = (platformFeePercent != null) ? platformFeePercent : 10;
		linkLifetime = (linkLifetime != null) ? linkLifetime : Duration.ofDays(7);
		linksRenewableFor = (linksRenewableFor != null) ? linksRenewableFor : Duration.ofDays(30);
		stripe = (stripe != null) ? stripe : new Stripe(null, null, null, null);
		testPayments = (testPayments != null) ? testPayments : false;
		downloadKeys = (downloadKeys != null)
				? downloadKeys.stream().map(String::strip).filter((key) -> !key.isEmpty()).toList() : List.of();
		supportEmail = (supportEmail != null && !supportEmail.isBlank()) ? supportEmail.strip()
				: "support@focusracer.com";
		payoutHoldingPeriod = (payoutHoldingPeriod != null) ? payoutHoldingPeriod : Duration.ofDays(7);
	}

	/**
	 * Whether payments go through Stripe.
	 * @return true when a Stripe secret key is set
	 */
	public boolean stripeEnabled() {
		return this.stripe.secretKey() != null && !this.stripe.secretKey().isBlank();
	}

	/**
	 * Whether orders are paid with the offline test payments: switched on, and no Stripe
	 * key (Stripe always wins).
	 * @return true when buyers choose their payment's outcome themselves
	 */
	public boolean testPaymentsOn() {
		return !stripeEnabled() && this.testPayments;
	}

	/**
	 * Whether paid orders can be taken at all.
	 * @return false when there is neither a Stripe key nor test payments switched on
	 */
	public boolean paymentsAvailable() {
		return stripeEnabled() || this.testPayments;
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

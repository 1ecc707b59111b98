package com.focusracer.shop;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings that point the shop at a WireMock server standing in for Stripe's API
 * (fed, in each test, with the payloads of Stripe's API reference).
 */
final class FakeStripe {

	private FakeStripe() {
	}

	/**
	 * Starts the server if needed and points the shop's Stripe settings at it.
	 * @param registry the test's dynamic properties
	 * @param stripe the WireMock server
	 * @param webhookSecret the webhook signing secret
	 */
	static void register(DynamicPropertyRegistry registry, WireMockServer stripe, String webhookSecret) {
		if (!stripe.isRunning()) {
			stripe.start();
		}
		registry.add("focusracer.shop.stripe.secret-key", () -> "sk_test_focusracer");
		registry.add("focusracer.shop.stripe.publishable-key", () -> "pk_test_focusracer");
		registry.add("focusracer.shop.stripe.webhook-secret", () -> webhookSecret);
		registry.add("focusracer.shop.stripe.api-base", () -> "http://localhost:" + stripe.port());
		registry.add("focusracer.shop.payouts-delay", () -> "PT1H");
	}

}

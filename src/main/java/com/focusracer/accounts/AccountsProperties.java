package com.focusracer.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account and login settings (the login throttle's limits are rate limits:
 * {@code focusracer.rate-limits.login*}).
 *
 * @param resetLinkValidity how long a password-reset link works
 * @param activationLinkValidity how long a sign-up confirmation or invitation link works
 * @param apiTokenValidity how long a token from {@code POST /api/v1/auth/token} works
 */
@ConfigurationProperties("focusracer.accounts")
public record AccountsProperties(Duration resetLinkValidity, Duration activationLinkValidity,
		Duration apiTokenValidity) {

	public AccountsProperties {
		resetLinkValidity = (resetLinkValidity != null) ? resetLinkValidity : Duration.ofMinutes(30);
		activationLinkValidity = (activationLinkValidity != null) ? activationLinkValidity : Duration.ofDays(3);
		apiTokenValidity = (apiTokenValidity != null) ? apiTokenValidity : Duration.ofHours(12);
	}

}

package com.focusracer.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account and login settings.
 *
 * @param resetLinkValidity how long a password-reset link works
 * @param activationLinkValidity how long a sign-up confirmation or invitation link works
 * @param maxLoginFailures failed logins allowed per account and per IP within
 * {@code loginFailureWindow}
 * @param loginFailureWindow the window in which failed logins are counted
 * @param apiTokenValidity how long a token from {@code POST /api/v1/auth/token} works
 */
@ConfigurationProperties("focusracer.accounts")
public record AccountsProperties(Duration resetLinkValidity, Duration activationLinkValidity, Integer maxLoginFailures,
		Duration loginFailureWindow, Duration apiTokenValidity) {

	public AccountsProperties {
		resetLinkValidity = (resetLinkValidity != null) ? resetLinkValidity : Duration.ofMinutes(30);
		activationLinkValidity = (activationLinkValidity != null) ? activationLinkValidity : Duration.ofDays(3);
		maxLoginFailures = (maxLoginFailures != null) ? maxLoginFailures : 10;
		loginFailureWindow = (loginFailureWindow != null) ? loginFailureWindow : Duration.ofMinutes(10);
		apiTokenValidity = (apiTokenValidity != null) ? apiTokenValidity : Duration.ofHours(12);
	}

}

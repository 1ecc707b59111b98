package com.focusracer.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Personal-data requests ({@code focusracer.privacy.*}).
 *
 * @param confirmLinkValidity how long a guest's confirmation link works (24 hours)
 * @param exportLinkValidity how long the link to an export works (7 days); it works once
 * @param detailsMaxLength the longest free text a request may carry (4000 characters)
 * @param photoLinksMax the most photo pages one request may name (50)
 */
@ConfigurationProperties("focusracer.privacy")
public record PrivacyProperties(Duration confirmLinkValidity, Duration exportLinkValidity, Integer detailsMaxLength,
		Integer photoLinksMax) {

	public PrivacyProperties {
		confirmLinkValidity = (confirmLinkValidity != null) ? confirmLinkValidity : Duration.ofHours(24);
		exportLinkValidity = (exportLinkValidity != null) ? exportLinkValidity : Duration.ofDays(7);
		detailsMaxLength = (detailsMaxLength != null) ? detailsMaxLength : 4000;
		photoLinksMax = (photoLinksMax != null) ? photoLinksMax : 50;
	}

}

package com.focusracer.gallery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the public gallery ({@code focusracer.gallery.*}; selfie searches per
 * address are a rate limit: {@code focusracer.rate-limits.selfie-search}).
 *
 * @param selfieMaxBytes the largest selfie accepted, in bytes (10 MB)
 * @param pageSize photos per result page (48)
 */
@ConfigurationProperties("focusracer.gallery")
public record GalleryProperties(Integer selfieMaxBytes, Integer pageSize) {

	public GalleryProperties {
		selfieMaxBytes = (selfieMaxBytes != null) ? selfieMaxBytes : 10 * 1024 * 1024;
		pageSize = (pageSize != null) ? pageSize : 48;
	}

}

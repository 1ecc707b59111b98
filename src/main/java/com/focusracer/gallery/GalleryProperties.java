package com.focusracer.gallery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the public gallery ({@code focusracer.gallery.*}).
 *
 * @param selfiesPerHour selfie searches allowed per address in any hour (20)
 * @param selfieMaxBytes the largest selfie accepted, in bytes (10 MB)
 * @param pageSize photos per result page (48)
 */
@ConfigurationProperties("focusracer.gallery")
public record GalleryProperties(Integer selfiesPerHour, Integer selfieMaxBytes, Integer pageSize) {

	public GalleryProperties {
		selfiesPerHour = (selfiesPerHour != null) ? selfiesPerHour : 20;
		selfieMaxBytes = (selfieMaxBytes != null) ? selfieMaxBytes : 10 * 1024 * 1024;
		pageSize = (pageSize != null) ? pageSize : 48;
	}

}

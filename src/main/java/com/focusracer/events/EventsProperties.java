package com.focusracer.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Event settings.
 *
 * @param startListMaxSize the largest start-list file accepted (the API's
 * {@code PUT …/start-list} body and the page's upload): 10 MB holds a 60,000-runner list
 * with e-mails
 */
@ConfigurationProperties("focusracer.events")
public record EventsProperties(DataSize startListMaxSize) {

	public EventsProperties {
		startListMaxSize = (startListMaxSize != null) ? startListMaxSize : DataSize.ofMegabytes(10);
	}

}

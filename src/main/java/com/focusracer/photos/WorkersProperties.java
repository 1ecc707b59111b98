package com.focusracer.photos;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pipeline workers on this node.
 *
 * @param threads worker threads; 0 makes a web-only node that schedules jobs but runs
 * none
 * @param pollingInterval how often idle workers look for due jobs
 */
@ConfigurationProperties("focusracer.workers")
public record WorkersProperties(Integer threads, Duration pollingInterval) {

	public WorkersProperties {
		threads = (threads != null) ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
		pollingInterval = (pollingInterval != null) ? pollingInterval : Duration.ofSeconds(2);
	}

}

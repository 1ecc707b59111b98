package com.focusracer.photos;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pipeline workers on this node.
 *
 * @param threads worker threads; 0 makes a web-only node that schedules jobs but runs
 * none
 * @param pollingInterval how often idle workers look for due jobs
 * @param heartbeatInterval how often a node marks the jobs it runs as alive
 * @param missedHeartbeats after how many missed heartbeats another node takes over a job
 * (its node died)
 */
@ConfigurationProperties("focusracer.workers")
public record WorkersProperties(Integer threads, Duration pollingInterval, Duration heartbeatInterval,
		Integer missedHeartbeats) {

	public WorkersProperties {
		threads = (threads != null) ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
		pollingInterval = (pollingInterval != null) ? pollingInterval : Duration.ofSeconds(2);
		heartbeatInterval = (heartbeatInterval != null) ? heartbeatInterval : Duration.ofSeconds(15);
		missedHeartbeats = (missedHeartbeats != null) ? missedHeartbeats : 4;
	}

}

package com.focusracer.events.connectors;

import com.focusracer.events.Connectors;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node looks for connectors due a re-sync; each one is claimed under a row lock
 * that the other nodes skip, so one node re-syncs it.
 */
@Component
class ConnectorSync {

	private final Connectors connectors;

	ConnectorSync(Connectors connectors) {
		this.connectors = connectors;
	}

	@Scheduled(initialDelayString = "${focusracer.events.connectors.sync-poll:PT1M}",
			fixedDelayString = "${focusracer.events.connectors.sync-poll:PT1M}")
	void syncDue() {
		this.connectors.syncDue();
	}

}

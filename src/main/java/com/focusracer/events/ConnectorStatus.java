package com.focusracer.events;

import java.time.Instant;
import java.util.List;

/**
 * An event's connector as its page shows it: never the key or secret, only when they were
 * saved and the key's last characters.
 *
 * @param platform the platform's code
 * @param displayName the platform's name
 * @param reference the platform's event id
 * @param subReference a second id, or {@code null}
 * @param keyHint the key's last 4 characters, or {@code null} for a short key
 * @param savedAt when the credentials were saved
 * @param nextSyncAt when the next re-sync is due, {@code null} when re-syncs stopped
 * @param lastSyncAt when the last re-sync ran, or {@code null}
 * @param lastAdded runners the last re-sync added
 * @param lastChanged runners it changed
 * @param lastRemoved runners it removed
 * @param lastError the last re-sync's failure: its message key, then each argument after
 * a {@code |}; {@code null} when it worked
 * @param pendingRemovals runners the platform no longer lists, kept because photos are
 * linked to them, until the organizer confirms
 */
public record ConnectorStatus(String platform, String displayName, String reference, String subReference,
		String keyHint, Instant savedAt, Instant nextSyncAt, Instant lastSyncAt, Integer lastAdded, Integer lastChanged,
		Integer lastRemoved, String lastError, List<Runner> pendingRemovals) {

	/**
	 * The message key of the last re-sync's failure.
	 * @return the key, or {@code null}
	 */
	public String lastErrorKey() {
		return (this.lastError != null) ? this.lastError.split("\\|")[0] : null;
	}

	/**
	 * The arguments of the last re-sync's failure message.
	 * @return the arguments
	 */
	public Object[] lastErrorArguments() {
		if (this.lastError == null) {
			return new Object[0];
		}
		String[] parts = this.lastError.split("\\|");
		return java.util.Arrays.copyOfRange(parts, 1, parts.length, Object[].class);
	}

}

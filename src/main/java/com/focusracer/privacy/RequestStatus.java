package com.focusracer.privacy;

/**
 * Where a personal-data request stands.
 */
public enum RequestStatus {

	/** Filed by a guest who has not yet followed the link sent to the address. */
	AWAITING_CONFIRMATION,
	/** Identity checked; the deadline runs. */
	RECEIVED,
	/** Being carried out (an erasure runs step by step). */
	IN_PROGRESS,
	/** Answered. */
	DONE,
	/** Refused, with a reason the requester was told. */
	REFUSED;

	/**
	 * Whether the deadline still runs.
	 * @return true for received and in-progress requests
	 */
	public boolean open() {
		return this == RECEIVED || this == IN_PROGRESS;
	}

	/**
	 * The key of its label in the messages.
	 * @return e.g. {@code privacy.status.DONE}
	 */
	public String labelKey() {
		return "privacy.status." + name();
	}

}

package com.focusracer.accounts;

/**
 * What an account may do: which space it opens. What a pro account may do inside the pro
 * space depends on its place in each event's team (the owner, or a photographer added to
 * it), never on the kind of professional it is: that is its {@link ProProfile}, a
 * description, not a right.
 */
public enum Role {

	/**
	 * A professional (photographer, organizer, agency, club, federation): the pro space
	 * and the API.
	 */
	PRO,
	/** Runs the platform: the admin space, the API, metrics. */
	ADMIN,
	/** Buys photos: the runner's space. */
	RUNNER;

	public boolean isPro() {
		return this == PRO;
	}

	/**
	 * Where an account of this role lands after login.
	 * @return the path of its space
	 */
	public String landingPath() {
		return switch (this) {
			case ADMIN -> "/admin";
			case PRO -> "/pro";
			case RUNNER -> "/account";
		};
	}

}

package com.focusracer.events;

import java.util.List;

/**
 * A registration platform a start list is read from (Njuko, RaceResult, RunSignup). Each
 * one reads the whole list; {@link Connectors} turns it into the same preview and diff as
 * a CSV file.
 */
public interface StartListSource {

	/**
	 * The platform's code, stored with the event's connector.
	 * @return e.g. {@code njuko}
	 */
	String platform();

	/**
	 * The platform's name as people know it.
	 * @return e.g. {@code Njuko}
	 */
	String displayName();

	/**
	 * Checks that the platform answers and accepts the credentials.
	 * @param credentials the event's credentials
	 * @return how many runners or races the platform reports, for the page
	 * @throws EventException with a message that says what to check
	 */
	int test(Credentials credentials);

	/**
	 * Reads every registration.
	 * @param credentials the event's credentials
	 * @return the runners, a blank bib where the platform has none yet
	 * @throws EventException with a message that says what to check
	 */
	List<Runner> read(Credentials credentials);

	/**
	 * What a connector needs to reach an event's registrations.
	 *
	 * @param reference the platform's id of the event (Njuko edition, RaceResult event,
	 * RunSignup race)
	 * @param subReference a second id where the platform needs one (RunSignup's event
	 * id), or {@code null}
	 * @param key the API key (or user name)
	 * @param secret the API secret (or password), {@code null} where the platform has
	 * none
	 */
	record Credentials(String reference, String subReference, String key, String secret) {

		@Override
		public String toString() {
			return "Credentials[reference=" + this.reference + ", subReference=" + this.subReference + "]";
		}

	}

}

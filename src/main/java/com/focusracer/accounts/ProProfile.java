package com.focusracer.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of professional a {@link Role#PRO} account is, as its owner describes
 * themselves: shown to others (team lists, the welcome page) and kept for statistics and
 * the marketplace. It grants nothing: every pro account may create events, and in an
 * event's team the owner and the photographers have the rights described in
 * {@code docs/roles.md}, whatever their profile.
 */
public enum ProProfile {

	PHOTOGRAPHER, ORGANIZER, AGENCY, CLUB, FEDERATION;

	/**
	 * The profile a form or a query names.
	 * @param value e.g. {@code organizer}
	 * @return the profile, or empty when it names none
	 */
	public static Optional<ProProfile> of(String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}

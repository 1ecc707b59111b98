package com.focusracer.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bib number as people type it and start lists carry it: 1 to 12 letters, digits and
 * hyphens, at least one letter or digit ({@code 1975}, {@code A123}, {@code AB-12}). The
 * one rule for every bib a person gives, wherever the platform checks one: start lists,
 * corrections, "this is me", alerts, gallery search. (What a camera can read on a bib is
 * the recognition module's own matter.)
 *
 * @param value the bib, upper-case, without surrounding spaces
 */
public record Bib(String value) {

	private static final Pattern RULE = Pattern.compile("(?=.*[A-Z0-9])[A-Z0-9-]{1,12}");

	/**
	 * @throws IllegalArgumentException when the value is not a normalised bib
	 */
	public Bib {
		if (value == null || !RULE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a bib: " + value);
		}
	}

	/**
	 * A bib as typed: spaces around it dropped, letters upper-cased.
	 * @param typed what was typed, may be {@code null}
	 * @return the bib, or empty when it is not one
	 */
	public static Optional<Bib> parse(String typed) {
		String clean = normalise(typed);
		return RULE.matcher(clean).matches() ? Optional.of(new Bib(clean)) : Optional.empty();
	}

	/**
	 * A bib as typed, refused with the message a user reads when it is not one.
	 * @param typed what was typed, may be {@code null}
	 * @param messageKey the message for a user, given the cleaned text as its argument
	 * @return the bib
	 * @throws UserMistakeException when it is not a bib
	 */
	public static Bib of(String typed, String messageKey) {
		return parse(typed).orElseThrow(() -> new UserMistakeException(messageKey, normalise(typed)));
	}

	/**
	 * What was typed, as a bib would be written: for a message that quotes it.
	 * @param typed what was typed, may be {@code null}
	 * @return stripped and upper-cased, empty for {@code null}
	 */
	public static String normalise(String typed) {
		return (typed != null) ? typed.strip().toUpperCase(Locale.ROOT) : "";
	}

	@Override
	public String toString() {
		return this.value;
	}

}

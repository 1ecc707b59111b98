package com.focusracer.events;

/**
 * One line of a start list.
 *
 * @param bib the bib number, as printed (digits, maybe a letter prefix)
 * @param firstName the first name
 * @param lastName the last name
 * @param email the e-mail, private to the organizer
 * @param category the category, e.g. {@code SEM}
 * @param club the club
 * @param gender the gender as given
 * @param birthYear the birth year, private to the organizer
 * @param wave the start wave (e.g. {@code SAS 1}, {@code 09:30}), or {@code null}
 * @param chip the timing chip's code when it differs from the bib, or {@code null}
 */
public record Runner(String bib, String firstName, String lastName, String email, String category, String club,
		String gender, Integer birthYear, String wave, String chip) {

	/**
	 * A runner without start wave or chip.
	 * @param bib the bib number
	 * @param firstName the first name
	 * @param lastName the last name
	 * @param email the e-mail
	 * @param category the category
	 * @param club the club
	 * @param gender the gender
	 * @param birthYear the birth year
	 */
	public Runner(String bib, String firstName, String lastName, String email, String category, String club,
			String gender, Integer birthYear) {
		this(bib, firstName, lastName, email, category, club, gender, birthYear, null, null);
	}

	/**
	 * This runner as the event's photographers see them: no e-mail, no birth year.
	 * @return the runner without its private fields
	 */
	public Runner withoutPrivateFields() {
		return new Runner(this.bib, this.firstName, this.lastName, null, this.category, this.club, this.gender, null,
				this.wave, this.chip);
	}

	/**
	 * Whether any field a person would notice differs.
	 * @param other the other version of this runner
	 * @return true when they differ
	 */
	public boolean differsFrom(Runner other) {
		return !this.equals(other);
	}

}

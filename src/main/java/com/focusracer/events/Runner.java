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
 */
public record Runner(String bib, String firstName, String lastName, String email, String category, String club,
		String gender, Integer birthYear) {

	/**
	 * This runner as the event's photographers see them: no e-mail, no birth year.
	 * @return the runner without its private fields
	 */
	public Runner withoutPrivateFields() {
		return new Runner(this.bib, this.firstName, this.lastName, null, this.category, this.club, this.gender, null);
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

package com.focusracer.privacy;

/**
 * What a person asks of their personal data (GDPR articles 15 to 21).
 */
public enum RequestType {

	/** A copy of my data (article 15). */
	ACCESS,
	/** My data in a machine-readable form (article 20). */
	PORTABILITY,
	/** Correct what is wrong (article 16). */
	RECTIFICATION,
	/** Erase my data (article 17). */
	ERASURE,
	/** Stop processing my face (article 21). */
	OBJECTION,
	/** Keep my data but stop using it (article 18). */
	RESTRICTION,
	/** Withdraw photos I am seen on (article 17, for the photos named). */
	PHOTO_WITHDRAWAL;

	/**
	 * The key of its label in the messages.
	 * @return e.g. {@code privacy.type.ACCESS}
	 */
	public String labelKey() {
		return "privacy.type." + name();
	}

	/**
	 * Whether it is answered with an export of the person's data.
	 * @return true for access and portability
	 */
	public boolean exports() {
		return this == ACCESS || this == PORTABILITY;
	}

}

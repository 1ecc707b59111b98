package com.focusracer.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one check of the e-mail addresses people give.
 */
class EmailAddressTests {

	@Test
	void takesAnAddressAndRefusesWhatIsNone() {
		assertThat(EmailAddress.isWellFormed("lea@example.fr")).isTrue();
		assertThat(EmailAddress.isWellFormed("pas-une-adresse")).isFalse();
		assertThat(EmailAddress.isWellFormed("a b@example.fr")).isFalse();
		assertThat(EmailAddress.isWellFormed("a@" + "x".repeat(250) + ".fr")).isFalse();
	}

}

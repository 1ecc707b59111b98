package com.focusracer.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one rule for the bibs people type.
 */
class BibTests {

	@Test
	void takesDigitsLettersAndHyphensAsTyped() {
		assertThat(Bib.parse(" ab-12 ")).map(Bib::toString).contains("AB-12");
		assertThat(Bib.parse("1975")).map(Bib::value).contains("1975");
		assertThat(Bib.parse("A123")).isPresent();
		assertThat(Bib.parse("123456789012")).isPresent();
	}

	@Test
	void refusesWhatIsNoBib() {
		assertThat(Bib.parse(null)).isEmpty();
		assertThat(Bib.parse("")).isEmpty();
		assertThat(Bib.parse("--")).isEmpty();
		assertThat(Bib.parse("1234567890123")).isEmpty();
		assertThat(Bib.parse("12 34")).isEmpty();
		assertThat(Bib.parse("12/34")).isEmpty();
		assertThatThrownBy(() -> Bib.of("é1", "recognition.badBib")).isInstanceOf(UserMistakeException.class);
	}

}

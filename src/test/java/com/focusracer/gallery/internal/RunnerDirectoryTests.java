package com.focusracer.gallery.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunnerDirectoryTests {

	@Test
	void namesAreComparedWithoutCaseAccentsOrPunctuation() {
		assertThat(RunnerDirectory.tokens("Jean-Pierre D'Ávila")).containsExactly("jean", "pierre", "d", "avila");
		assertThat(RunnerDirectory.tokens("  ÉLODIE  Lœwy ")).containsExactly("elodie", "loewy");
		assertThat(RunnerDirectory.tokens(null)).isEmpty();
	}

}

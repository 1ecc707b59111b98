package com.focusracer.recognition;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-list rules: accept, correct only what the recogniser was unsure of, and never
 * let a bib read short pass for another runner.
 */
class StartListCheckTests {

	private static final BibRead.Box BOX = new BibRead.Box(0, 0, 10, 10);

	private final StartListCheck check = new StartListCheck(Set.of("1975", "975", "2468", "3721", "61527", "7"));

	private BibRead check(String text, double confidence, float... characters) {
		return this.check.check(text, confidence, characters, BOX, 0.6);
	}

	private static float[] sure(int length) {
		float[] c = new float[length];
		java.util.Arrays.fill(c, 0.99f);
		return c;
	}

	@Test
	void acceptsAReadOnTheList() {
		assertThat(check("2468", 0.97, sure(4))).extracting(BibRead::bib, BibRead::kind)
			.containsExactly("2468", BibRead.Kind.ON_START_LIST);
	}

	@Test
	void keepsAShortReadThatMayHideADigitAsDoubtful() {
		BibRead read = check("975", 0.99, sure(3));
		assertThat(read.kind()).isEqualTo(BibRead.Kind.DOUBTFUL);
		assertThat(read.accepted()).isFalse();
		assertThat(read.confidence()).isLessThan(0.6);
	}

	@Test
	void correctsACharacterTheRecogniserWasUnsureOf() {
		BibRead read = check("2463", 0.93, 0.99f, 0.99f, 0.99f, 0.74f);
		assertThat(read).extracting(BibRead::bib, BibRead::readAs, BibRead::kind)
			.containsExactly("2468", "2463", BibRead.Kind.CORRECTED);
	}

	@Test
	void dropsAConfidentReadOffTheListInsteadOfCorrectingIt() {
		assertThat(check("2463", 0.99, sure(4))).as("every character was read surely: another number").isNull();
		assertThat(check("2463", 0.80, 0.99f, 0.99f, 0.99f, 0.30f)).as("the whole read is unsure").isNull();
	}

	@Test
	void completesANumberMissingADigitAtAnEnd() {
		assertThat(check("1527", 0.99, sure(4))).extracting(BibRead::bib, BibRead::kind)
			.containsExactly("61527", BibRead.Kind.CORRECTED);
		assertThat(check("152", 0.99, sure(3))).as("two digits away").isNull();
	}

	@Test
	void dropsALeadingZero() {
		assertThat(check("03721", 0.99, sure(5))).extracting(BibRead::bib).isEqualTo("3721");
	}

	@Test
	void dropsReadsThatAreTooUnsureOrAmbiguous() {
		assertThat(check("2468", 0.5, sure(4))).isNull();
		StartListCheck dense = new StartListCheck(Set.of("1234", "1235"));
		assertThat(dense.check("1236", 0.95, new float[] { 0.99f, 0.99f, 0.99f, 0.5f }, BOX, 0.6))
			.as("two bibs one edit away")
			.isNull();
	}

	@Test
	void measuresOneEditDistance() {
		assertThat(StartListCheck.distanceIsOne("1975", "975")).isTrue();
		assertThat(StartListCheck.distanceIsOne("1975", "1985")).isTrue();
		assertThat(StartListCheck.distanceIsOne("1975", "19755")).isTrue();
		assertThat(StartListCheck.distanceIsOne("1975", "1975")).isFalse();
		assertThat(StartListCheck.distanceIsOne("1975", "5791")).isFalse();
	}

}

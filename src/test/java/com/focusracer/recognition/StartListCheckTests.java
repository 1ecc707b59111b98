package com.focusracer.recognition;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-list rules: accept, correct only what the recogniser was unsure of, and never
 * let a bib read short pass for another runner.
 */
class StartListCheckTests {

	private static final BibRead.Box BOX = new BibRead.Box(400, 100, 60, 30);

	private final StartListCheck check = new StartListCheck(Set.of("1975", "975", "2468", "3721", "61527", "7"));

	private BibRead check(String text, double confidence, float... characters) {
		return this.check.check(text, confidence, characters, BOX, 0.6);
	}

	/** The start list of a race numbered 1…N, as real races number their bibs. */
	private static StartListCheck numberedUpTo(int last) {
		java.util.Set<String> race = new java.util.HashSet<>();
		for (int bib = 1; bib <= last; bib++) {
			race.add(Integer.toString(bib));
		}
		return new StartListCheck(race);
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
	void acceptsAClearShortReadEvenWhenALongerBibEndsWithIt() {
		// 1975 is on the list too, but nothing on the photo says a digit is missing.
		assertThat(check("975", 0.99, sure(3))).extracting(BibRead::bib, BibRead::kind)
			.containsExactly("975", BibRead.Kind.ON_START_LIST);
	}

	@Test
	void keepsAShortReadAsDoubtfulWhenThePhotoSaysADigitMayBeHidden() {
		BibRead unsureFirst = check("975", 0.93, 0.70f, 0.99f, 0.99f);
		assertThat(unsureFirst.kind()).as("the first character, where 1975's 1 would be, is unsure")
			.isEqualTo(BibRead.Kind.DOUBTFUL);
		assertThat(unsureFirst.accepted()).isFalse();
		assertThat(unsureFirst.confidence()).isLessThan(0.6);
		BibRead.Box atTheEdge = new BibRead.Box(1, 100, 60, 30);
		assertThat(this.check.check("975", 0.99, sure(3), atTheEdge, 1200, 0.6).kind())
			.as("cut by the photo's left edge")
			.isEqualTo(BibRead.Kind.DOUBTFUL);
		BibRead.Box nearTheEdge = new BibRead.Box(6, 100, 60, 30);
		assertThat(this.check.check("975", 0.99, sure(3), nearTheEdge, 1200, 0.6).kind())
			.as("a fifth of its height from the left edge: 1975's 1 may lie beyond it")
			.isEqualTo(BibRead.Kind.DOUBTFUL);
		BibRead.Box plateBeforeTheEdge = new BibRead.Box(12, 100, 60, 30);
		assertThat(this.check.check("975", 0.99, sure(3), plateBeforeTheEdge, 1200, 0.6).kind())
			.as("0.4 of its height from the left edge: plate, not a hidden digit, lies there")
			.isEqualTo(BibRead.Kind.ON_START_LIST);
		BibRead.Box roomy = new BibRead.Box(400, 100, 160, 30);
		assertThat(this.check.check("975", 0.99, sure(3), roomy, 1200, 0.6).kind())
			.as("a box with room for a fourth digit")
			.isEqualTo(BibRead.Kind.DOUBTFUL);
		assertThat(check("1975", 0.93, 0.70f, 0.99f, 0.99f, 0.99f).kind())
			.as("no longer bib: an unsure character is no reason to doubt")
			.isEqualTo(BibRead.Kind.ON_START_LIST);
	}

	@Test
	void aFullStartListVouchesForNothing() {
		// A race numbered 1…2000 holds every number under 2000: a number read on a
		// sponsor's banner is on it too, so being on it is no evidence.
		StartListCheck full = numberedUpTo(2000);
		BibRead.Box box = new BibRead.Box(400, 100, 90, 40);
		assertThat(full.check("742", 0.75, sure(3), box, 1200, 0.6, 0.85)).as("unsure: as without a list").isNull();
		assertThat(full.check("7", 0.99, sure(1), box, 1200, 0.6, 0.85)).as("one digit: as without a list").isNull();
		assertThat(full.check("742", 0.97, sure(3), box, 1200, 0.6, 0.85)).extracting(BibRead::kind)
			.isEqualTo(BibRead.Kind.ON_START_LIST);
		assertThat(check("3721", 0.7, sure(4))).as("a sparse list still vouches for its bibs").isNotNull();
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
	void readsANumberPaddedWithZerosAsItsBibEvenOnAFullList() {
		// A race of 5,000 prints bib 891 as 0891: on a list of every bib, 0891 is one
		// edit from 891, 1891, 2891... and no correction could choose.
		StartListCheck full = numberedUpTo(5000);
		BibRead.Box plate = new BibRead.Box(668, 237, 45, 22);

		assertThat(full.check("0891", 0.997, sure(4), plate, 850, 0.6, 0.85))
			.extracting(BibRead::bib, BibRead::readAs, BibRead::kind)
			.containsExactly("891", "0891", BibRead.Kind.ON_START_LIST);
		assertThat(full.check("0019", 0.98, sure(4), plate, 850, 0.6, 0.85).bib()).isEqualTo("19");
		assertThat(full.check("00891", 0.997, sure(5), plate, 850, 0.6, 0.85))
			.as("wider than any bib of the race: not padding")
			.isNull();
		assertThat(full.check("0891", 0.997, new float[] { 0.6f, 0.99f, 0.99f, 0.99f }, plate, 850, 0.6, 0.85).kind())
			.as("an unsure first zero may be a longer bib's digit (1891)")
			.isEqualTo(BibRead.Kind.DOUBTFUL);

		BibRead padded = new BibRead("891", 0.997, plate, "0891", BibRead.Kind.ON_START_LIST);
		assertThat(Rereads.beside(padded, line("0891", 0.99f, 0.99f, 0.99f, 0.99f), full, 0.85).kind())
			.as("its zero is no character beside it")
			.isEqualTo(BibRead.Kind.ON_START_LIST);
		assertThat(Rereads.beside(padded, line("20891", 0.9f, 0.99f, 0.99f, 0.99f, 0.99f), full, 0.85).kind())
			.as("a digit beside the zero: the end of a longer number")
			.isEqualTo(BibRead.Kind.DOUBTFUL);
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

	@Test
	void aNumberReadAgainWiderIsTheLongerBibWhenItIsReadSurelyThereAndDoubtfulWhenSomethingElseIs() {
		StartListCheck list = new StartListCheck(Set.of("1026", "10264", "1517", "71517"));
		BibRead read = new BibRead("1026", 0.99, new BibRead.Box(252, 482, 93, 57), "1026", BibRead.Kind.ON_START_LIST);

		assertThat(Rereads.beside(read, line("10264", 0.99f, 0.99f, 0.99f, 0.99f, 0.97f), list, 0.85))
			.extracting(BibRead::bib, BibRead::kind)
			.containsExactly("10264", BibRead.Kind.CORRECTED);
		assertThat(Rereads.beside(read, line("1026/", 0.92f, 0.99f, 0.99f, 0.99f, 0.62f), list, 0.85).kind())
			.as("the half-hidden 4 read as a slash: something is printed there")
			.isEqualTo(BibRead.Kind.DOUBTFUL);
		BibRead fourHundred = new BibRead("400", 0.99, new BibRead.Box(220, 349, 60, 42), "400",
				BibRead.Kind.ON_START_LIST);
		assertThat(Rereads.beside(fourHundred, line("1400", 0.59f, 0.98f, 0.94f, 0.94f),
				new StartListCheck(Set.of("400", "1400")), 0.85))
			.as("the plate's edge read as a 1 at 0.59, the mean 0.86: no correction, but doubtful")
			.extracting(BibRead::bib, BibRead::kind)
			.containsExactly("400", BibRead.Kind.DOUBTFUL);
		assertThat(Rereads.beside(read, line("1026.", 0.99f, 0.99f, 0.99f, 0.99f, 0.2f), list, 0.85).kind())
			.as("a plate's edge read unsurely is nothing")
			.isEqualTo(BibRead.Kind.ON_START_LIST);
		assertThat(Rereads.beside(read, line("1026", 0.99f, 0.99f, 0.99f, 0.99f), list, 0.85).kind())
			.isEqualTo(BibRead.Kind.ON_START_LIST);
	}

	@Test
	void whatThePlatePrintsBesideANumberIsNoHiddenDigit() {
		StartListCheck full = new StartListCheck(
				IntStream.rangeClosed(1, 90135).mapToObj(Integer::toString).collect(Collectors.toSet()));
		BibRead read = new BibRead("3645", 0.99, new BibRead.Box(300, 200, 68, 47), "3645", BibRead.Kind.ON_START_LIST);

		assertThat(besideKind(read, full, "3645M", 0.93f, 0.76f)).as("a letter printed on the plate (crowd set)")
			.isEqualTo(BibRead.Kind.ON_START_LIST);
		assertThat(besideKind(read, full, "3645#", 0.99f, 0.66f)).as("a mark of many strokes")
			.isEqualTo(BibRead.Kind.ON_START_LIST);
		assertThat(besideKind(read, full, "3645S", 0.99f, 0.66f)).as("a 5 or a 6 half hidden reads as an S")
			.isEqualTo(BibRead.Kind.DOUBTFUL);
		assertThat(besideKind(read, full, "36457", 0.99f, 0.7f)).as("a digit read beside, not surely enough to take it")
			.isEqualTo(BibRead.Kind.DOUBTFUL);
	}

	/**
	 * What reading a four-digit number one digit wider says of it, when the wider read
	 * gives its first digit and the character beside it these probabilities (the others
	 * 0.99).
	 */
	private static BibRead.Kind besideKind(BibRead read, StartListCheck list, String wider, float first, float beside) {
		return Rereads.beside(read, line(wider, first, 0.99f, 0.99f, 0.99f, beside), list, 0.85).kind();
	}

	@Test
	void aNumberReadWiderTakesTheDigitsTheDetectorsBoxCutOffOnlyWhenTheyAreReadSurely() {
		assertThat(Rereads.longerAtTheEnds("1517", line("71517", 0.97f, 0.99f, 0.99f, 0.99f, 0.99f)))
			.as("a first digit under a fold")
			.isTrue();
		assertThat(Rereads.longerAtTheEnds("2007", line("82007", 0.99f, 0.99f, 0.99f, 0.99f, 0.99f)))
			.as("a number cut in two")
			.isTrue();
		assertThat(Rereads.longerAtTheEnds("1517", line("71517", 0.6f, 0.99f, 0.99f, 0.99f, 0.99f)))
			.as("a plate's edge read as 7")
			.isFalse();
		assertThat(Rereads.longerAtTheEnds("1517", line("1S17", 0.99f, 0.99f, 0.99f, 0.99f))).isFalse();
		assertThat(Rereads.longerAtTheEnds("15", line("2015 10", 0.99f, 0.99f, 0.99f, 0.99f, 0.99f, 0.99f, 0.99f)))
			.as("other text beside it")
			.isFalse();
		assertThat(Rereads.longerAtTheEnds("151", line("1517", 0.99f, 0.99f, 0.99f, 0.99f))).isTrue();
		assertThat(Rereads.longerAtTheEnds("15", line("71517", 0.99f, 0.99f, 0.99f, 0.99f, 0.99f)))
			.as("three more digits: another number")
			.isFalse();
	}

	@Test
	void aNumberReadWiderLeavesOutWhatIsReadBeyondTheSureDigits() {
		assertThat(Rereads.longer("7051", line("970511", 0.55f, 0.99f, 0.99f, 0.99f, 0.99f, 0.99f)))
			.as("a plate's edge read as 9 before the 7, the last 1 read surely")
			.extracting(com.focusracer.recognition.internal.OcrModels.TextLine::text)
			.isEqualTo("70511");
		assertThat(Rereads.longer("0246", line("10246:", 0.99f, 0.99f, 0.99f, 0.99f, 0.99f, 0.96f)))
			.as("a colon beyond the 6")
			.extracting(com.focusracer.recognition.internal.OcrModels.TextLine::text)
			.isEqualTo("10246");
		assertThat(Rereads.longer("847", line("4847", 0.82f, 0.99f, 0.99f, 0.99f)))
			.as("the plate's edge read as 4, unsurely: nothing is added")
			.isNull();
		assertThat(Rereads.longer("1517", line("7:1517", 0.99f, 0.9f, 0.99f, 0.99f, 0.99f, 0.99f)))
			.as("a digit beyond a colon is another number's")
			.isNull();
	}

	@Test
	void aSpaceReadBesideANumberSaysNothingOfIt() {
		com.focusracer.recognition.internal.OcrModels.TextLine wider = line("10246 ", 0.72f, 0.99f, 0.99f, 0.99f, 0.99f,
				0.61f)
			.withoutSpaces();

		assertThat(wider.text()).isEqualTo("10246");
		assertThat(wider.characterConfidences()).containsExactly(0.72f, 0.99f, 0.99f, 0.99f, 0.99f);
		assertThat(wider.confidence()).isCloseTo((0.72 + 4 * 0.99) / 5, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(Rereads.longerAtTheEnds("0246", wider)).isFalse();
		assertThat(Rereads.longerAtTheEnds("0246",
				line("10246 ", 0.96f, 0.99f, 0.99f, 0.99f, 0.99f, 0.61f).withoutSpaces()))
			.isTrue();
		StartListCheck list = new StartListCheck(Set.of("1026", "10264"));
		BibRead read = new BibRead("1026", 0.99, new BibRead.Box(252, 482, 93, 57), "1026", BibRead.Kind.ON_START_LIST);
		assertThat(Rereads.beside(read, line("1026 ", 0.99f, 0.99f, 0.99f, 0.99f, 0.7f).withoutSpaces(), list, 0.85)
			.kind()).as("nothing but the background beside it").isEqualTo(BibRead.Kind.ON_START_LIST);
	}

	private static com.focusracer.recognition.internal.OcrModels.TextLine line(String text, float... characters) {
		double mean = 0;
		for (float c : characters) {
			mean += c / characters.length;
		}
		return new com.focusracer.recognition.internal.OcrModels.TextLine(text, mean, characters,
				new int[] { 0, 0, 100, 50 }, 50);
	}

}

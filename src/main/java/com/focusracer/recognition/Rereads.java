package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ai.onnxruntime.OrtException;

import com.focusracer.recognition.internal.OcrModels;

/**
 * Numbers read a second time in a box a little wider than the detector's, where the box
 * may have cut a digit off: {@link #widened} for every number (one or two digits more
 * read surely at its ends), {@link #lookBeside} for reads that a longer bib of the start
 * list would also explain (463 of 1463). Both read all their boxes in one batch.
 */
final class Rereads {

	private final OcrModels models;

	Rereads(OcrModels models) {
		this.models = models;
	}

	/**
	 * Each number read again in a box wider by {@value #WIDER} of its height on each
	 * side: the detector's box sometimes stops short of a digit at the end (71517 boxed
	 * as 1517, a plate's fold across its first digit) or cuts a number in two (8 and
	 * 2007). Where the wider box reads the same number with one or two more digits at its
	 * ends, each read with a probability of at least {@value #SURE_DIGIT}, the longer
	 * number replaces it (what is read beyond those digits, a plate's edge or a colon, is
	 * left out); anything else leaves the read as it was. A number that grew is read
	 * wider again, {@value #WIDENINGS} times at most.
	 */
	List<OcrModels.TextLine> widened(BufferedImage photo, List<OcrModels.TextLine> lines) throws OrtException {
		List<OcrModels.TextLine> result = new ArrayList<>(lines);
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (DIGITS.matcher(lines.get(i).text()).matches()) {
				pending.add(i);
			}
		}
		// A number that grew may go on growing: the detector's box of 10145 held only
		// "01", read wider "1014", and wider again "10145".
		for (int round = 0; round < WIDENINGS && !pending.isEmpty(); round++) {
			pending = widenOnce(photo, result, pending);
		}
		return result;
	}

	/**
	 * Reads the given lines once more, wider, replacing those that read longer.
	 * @return the lines replaced
	 */
	private List<Integer> widenOnce(BufferedImage photo, List<OcrModels.TextLine> lines, List<Integer> pending)
			throws OrtException {
		List<Integer> which = new ArrayList<>();
		List<int[]> parts = new ArrayList<>();
		for (int i : pending) {
			OcrModels.TextLine line = lines.get(i);
			int[] b = line.box();
			int pad = (int) Math.ceil(WIDER * line.textHeight());
			int x0 = Math.max(0, b[0] - pad);
			int x1 = Math.min(photo.getWidth(), b[0] + b[2] + pad);
			int y0 = Math.max(0, b[1] - pad / 6);
			int y1 = Math.min(photo.getHeight(), b[1] + b[3] + pad / 6);
			if (x1 - x0 >= 2 && y1 - y0 >= 2) {
				which.add(i);
				parts.add(new int[] { x0, y0, x1 - x0, y1 - y0 });
			}
		}
		List<Integer> replaced = new ArrayList<>();
		if (parts.isEmpty()) {
			return replaced;
		}
		List<OcrModels.TextLine> again = this.models.readParts(photo, parts);
		for (int k = 0; k < which.size(); k++) {
			OcrModels.TextLine before = lines.get(which.get(k));
			OcrModels.TextLine wider = again.get(k);
			OcrModels.TextLine longer = longer(before.text(), wider);
			if (longer != null) {
				lines.set(which.get(k), new OcrModels.TextLine(longer.text(), longer.confidence(),
						longer.characterConfidences(), longer.box(), before.textHeight(), before.rotatedBox()));
				replaced.add(which.get(k));
			}
		}
		return replaced;
	}

	/** How many times a number is read wider at most. */
	static final int WIDENINGS = 3;

	/**
	 * Whether a wider read is the number with one or two more digits at its ends, each
	 * read surely, and as sure on the whole as a bib read needs to be.
	 */
	static boolean longerAtTheEnds(String number, OcrModels.TextLine wider) {
		return longer(number, wider) != null;
	}

	/**
	 * The number a wider read shows: the read less what it holds beyond the surely read
	 * digits at its ends (a plate's edge read as 9 at 0.55, a colon), when that is the
	 * number with one or two more digits at its ends.
	 * @param number the number read first
	 * @param wider what the wider box reads
	 * @return the longer number, {@code null} when the wider read shows none
	 */
	static OcrModels.TextLine longer(String number, OcrModels.TextLine wider) {
		String text = wider.text();
		float[] p = wider.characterConfidences();
		if (p.length != text.length()) {
			return null;
		}
		for (int at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
			int from = 0;
			while (from < at && !sureDigit(text, p, from)) {
				from++;
			}
			int to = text.length();
			while (to > at + number.length() && !sureDigit(text, p, to - 1)) {
				to--;
			}
			int added = (to - from) - number.length();
			if (added < 1 || added > 2 || to - from > 6) {
				continue;
			}
			boolean sure = true;
			double sum = 0;
			for (int i = from; i < to; i++) {
				sure &= (i >= at && i < at + number.length()) || sureDigit(text, p, i);
				sum += p[i];
			}
			double mean = sum / (to - from);
			if (sure && mean >= 0.85) {
				return new OcrModels.TextLine(text.substring(from, to), mean, java.util.Arrays.copyOfRange(p, from, to),
						wider.box(), wider.textHeight(), wider.rotatedBox());
			}
		}
		return null;
	}

	private static boolean sureDigit(String text, float[] p, int i) {
		return Character.isDigit(text.charAt(i)) && p[i] >= SURE_DIGIT;
	}

	/** How much wider, in text heights, a number is read again on each side. */
	static final double WIDER = 0.6;

	/** The least probability of each digit a wider read adds. */
	static final double SURE_DIGIT = 0.9;

	private static final Pattern DIGITS = Pattern.compile("\\d{1,6}");

	/**
	 * Looks beside each read that the start list would also take for the end of a longer
	 * bib (463 of 1463), for the digit that would make it the longer one: the number is
	 * read again with one digit's width more on that side. A longer bib of the list read
	 * there replaces the short read; another character read there makes the read
	 * doubtful; nothing there confirms it.
	 */
	List<BibRead> lookBeside(BufferedImage photo, List<BibRead> reads, StartListCheck check, double sure)
			throws OrtException {
		if (check.isEmpty()) {
			return reads;
		}
		List<Integer> which = new ArrayList<>();
		List<int[]> parts = new ArrayList<>();
		for (int i = 0; i < reads.size(); i++) {
			BibRead read = reads.get(i);
			boolean[] sides = check.longerOnSides(read.bib());
			if (read.kind() != BibRead.Kind.ON_START_LIST || (!sides[0] && !sides[1])) {
				continue;
			}
			BibRead.Box b = read.box();
			int digit = (int) Math.ceil(0.8 * b.height());
			int x0 = Math.max(0, b.x() - (sides[0] ? digit : 0));
			int x1 = Math.min(photo.getWidth(), b.x() + b.width() + (sides[1] ? digit : 0));
			int y0 = Math.max(0, b.y());
			int y1 = Math.min(photo.getHeight(), b.y() + b.height());
			if (x1 - x0 < 2 || y1 - y0 < 2) {
				continue;
			}
			which.add(i);
			parts.add(new int[] { x0, y0, x1 - x0, y1 - y0 });
		}
		if (parts.isEmpty()) {
			return reads;
		}
		List<OcrModels.TextLine> again = this.models.readParts(photo, parts);
		List<BibRead> checked = new ArrayList<>(reads);
		for (int k = 0; k < which.size(); k++) {
			checked.set(which.get(k), beside(reads.get(which.get(k)), again.get(k), check, sure));
		}
		return checked;
	}

	/**
	 * What reading a number again, one digit wider on the side where a longer bib of the
	 * list would have its extra digit, says of it.
	 * @param read the number read, on the list
	 * @param line what was read in the wider box
	 * @param check the start list
	 * @param sure the probability a read needs
	 * @return the longer bib when its added digit was read surely there (at least
	 * {@value #SURE_DIGIT}: a plate's edge beside 400 reads as a 1 at 0.59), the read
	 * made doubtful when something more is printed there, else the read
	 */
	static BibRead beside(BibRead read, OcrModels.TextLine line, StartListCheck check, double sure) {
		String text = line.text().toUpperCase(java.util.Locale.ROOT);
		// What the plate shows: the bib, or the bib with the zeros it is padded with.
		String printed = read.readAs();
		OcrModels.TextLine grown = longer(printed, line);
		if (grown != null && grown.text().length() == printed.length() + 1 && check.contains(grown.text())
				&& grown.confidence() >= sure) {
			return new BibRead(grown.text(), read.confidence() * 0.9, read.box(), grown.text(), BibRead.Kind.CORRECTED);
		}
		if (text.length() > printed.length() && text.contains(printed) && extraIsSure(line, text, printed)) {
			// Something more is printed there, even a half-hidden digit read as "/"
			// (10264 read 1026, then "1026/" beside): the number may be a longer one's
			// end.
			return new BibRead(read.bib(), read.confidence() * 0.5, read.box(), read.readAs(), BibRead.Kind.DOUBTFUL);
		}
		return read;
	}

	/**
	 * Whether a character can be what a digit shows of itself when part of it is hidden,
	 * or a digit read as a letter: a digit, one or two strokes ("/" for the half of a 4
	 * under an arm, "|", "-"), a letter shaped like a digit (S, O, B). A letter of
	 * another shape, a mark of many strokes (#) or an ideogram beside a number is what
	 * the plate prints there (3645M, 3719元, L1442 on the crowd set's plates), not a
	 * hidden digit.
	 */
	private static boolean mayBeADigit(char c) {
		return Character.isDigit(c) || DIGIT_LIKE.indexOf(c) >= 0;
	}

	private static final String DIGIT_LIKE = "/\\|()[]!:;.,'-_lIijJtTOoQDSsBZzGgbq";

	/**
	 * Whether a character read beside a number, outside it, was read with a probability
	 * of at least one half (a plate's edge read as "1" at 0.2 is no character) and may be
	 * a digit.
	 */
	private static boolean extraIsSure(OcrModels.TextLine line, String text, String bib) {
		int at = text.indexOf(bib);
		float[] p = line.characterConfidences();
		if (p.length != text.length()) {
			return true;
		}
		for (int i = 0; i < text.length() && i < p.length; i++) {
			if ((i < at || i >= at + bib.length()) && p[i] >= 0.5f && mayBeADigit(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}

package com.focusracer.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks reads against an event's start list.
 * <ul>
 * <li>A read on the list is accepted, unless the list also holds a bib one digit longer
 * that ends or starts with it: then a digit may be hidden (1975 read 975), and the read
 * is kept as {@link BibRead.Kind#DOUBTFUL doubtful} instead of naming the other
 * runner.</li>
 * <li>A read off the list is corrected when exactly one bib of the list is one edit away
 * and the recogniser's own confidence supports the edit: a substituted character the
 * recogniser was unsure of in an otherwise confident read, a leading zero or unsure extra
 * character, or a digit missing at either end of a confidently read number of at least
 * three digits (a bib partly hidden by an arm or a fold). Otherwise it is dropped.</li>
 * </ul>
 */
final class StartListCheck {

	/** A character read with less probability than this is uncertain. */
	static final double UNCERTAIN_CHARACTER = 0.85;

	/**
	 * A character is replaced only in a number read at least this confidently overall.
	 */
	static final double CONFIDENT_READ = 0.9;

	/** A number missing a digit is completed only when read at least this confidently. */
	static final double CONFIDENT_PARTIAL = 0.95;

	private final Set<String> bibs;

	private final boolean letterPrefixes;

	StartListCheck(Set<String> bibs) {
		this.bibs = bibs;
		this.letterPrefixes = bibs.stream().anyMatch((bib) -> bib.matches("[A-Za-z]\\d+"));
	}

	boolean isEmpty() {
		return this.bibs.isEmpty();
	}

	boolean usesLetterPrefixes() {
		return this.letterPrefixes;
	}

	BibRead check(String text, double confidence, float[] characters, BibRead.Box box, double minimumConfidence) {
		if (confidence < minimumConfidence) {
			return null;
		}
		if (this.bibs.contains(text)) {
			if (mayBeReadShort(text)) {
				return new BibRead(text, confidence * 0.5, box, text, BibRead.Kind.DOUBTFUL);
			}
			return new BibRead(text, confidence, box, text, BibRead.Kind.ON_START_LIST);
		}
		List<String> near = oneEditAway(text);
		if (near.size() != 1) {
			return null;
		}
		String bib = near.get(0);
		if (supported(text, bib, confidence, characters)) {
			return new BibRead(bib, confidence * 0.9, box, text, BibRead.Kind.CORRECTED);
		}
		return null;
	}

	private boolean mayBeReadShort(String text) {
		for (char digit = '0'; digit <= '9'; digit++) {
			if ((digit != '0' && this.bibs.contains(digit + text)) || this.bibs.contains(text + digit)) {
				return true;
			}
		}
		return false;
	}

	private List<String> oneEditAway(String text) {
		List<String> near = new ArrayList<>();
		for (String bib : this.bibs) {
			if (Math.abs(bib.length() - text.length()) <= 1 && distanceIsOne(text, bib)) {
				near.add(bib);
				if (near.size() > 1) {
					break;
				}
			}
		}
		return near;
	}

	private static boolean supported(String read, String bib, double confidence, float[] characters) {
		if (read.length() == bib.length()) {
			int at = 0;
			while (read.charAt(at) == bib.charAt(at)) {
				at++;
			}
			return at < characters.length && characters[at] < UNCERTAIN_CHARACTER && confidence >= CONFIDENT_READ;
		}
		if (read.length() == bib.length() + 1) {
			int extra = 0;
			while (extra < bib.length() && read.charAt(extra) == bib.charAt(extra)) {
				extra++;
			}
			return (extra == 0 && read.charAt(0) == '0')
					|| (extra < characters.length && characters[extra] < UNCERTAIN_CHARACTER);
		}
		// The read misses a digit: only at either end, where a bib gets hidden.
		boolean atAnEnd = bib.endsWith(read) || bib.startsWith(read);
		return atAnEnd && read.length() >= 3 && confidence >= CONFIDENT_PARTIAL;
	}

	static boolean distanceIsOne(String a, String b) {
		if (a.equals(b)) {
			return false;
		}
		if (a.length() == b.length()) {
			int differences = 0;
			for (int i = 0; i < a.length(); i++) {
				if (a.charAt(i) != b.charAt(i)) {
					differences++;
				}
			}
			return differences == 1;
		}
		String shorter = (a.length() < b.length()) ? a : b;
		String longer = (a.length() < b.length()) ? b : a;
		if (longer.length() - shorter.length() != 1) {
			return false;
		}
		int i = 0;
		while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
			i++;
		}
		return shorter.substring(i).equals(longer.substring(i + 1));
	}

}

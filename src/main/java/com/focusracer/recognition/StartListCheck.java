package com.focusracer.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks reads against an event's start list.
 * <ul>
 * <li>A read on the list is accepted. It is kept as {@link BibRead.Kind#DOUBTFUL
 * doubtful} instead (a digit may be hidden: 1975 read 975) only when the photo itself
 * gives a reason to think so on a side where the list holds a bib one digit longer: the
 * character read at that end is uncertain, the text touches the photo's edge there, or
 * its box has room for one more character. The mere existence of a longer bib is no
 * evidence: a race numbers its bibs 1…N, so every bib under N/10 is the end of a longer
 * one.</li>
 * <li>A number printed with leading zeros (0891 on the plate of bib 891: races pad their
 * numbers to the width of their largest bib) is that bib, when the list holds it and the
 * read is no wider than the list's longest bib; it is then checked as a read of the bib,
 * and what is beside its zeros is looked at as beside any read.</li>
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

	/** The most digits a bib of the list has: the width a race pads its numbers to. */
	private final int widest;

	/**
	 * A list holding at least this share of all numbers of a length says little about a
	 * read of that length: a number read on anything is likely to be on it.
	 */
	static final double DENSE = 0.1;

	/** For each number of digits, the share of all such numbers that the list holds. */
	private final double[] density = new double[8];

	StartListCheck(Set<String> bibs) {
		this.bibs = bibs;
		this.letterPrefixes = bibs.stream().anyMatch((bib) -> bib.matches("[A-Za-z]\\d+"));
		this.widest = bibs.stream().mapToInt(String::length).max().orElse(0);
		int[] counts = new int[this.density.length];
		for (String bib : bibs) {
			if (bib.length() < counts.length && bib.chars().allMatch(Character::isDigit) && !bib.startsWith("0")) {
				counts[bib.length()]++;
			}
		}
		for (int length = 1; length < counts.length; length++) {
			this.density[length] = counts[length] / (9 * Math.pow(10, length - 1));
		}
	}

	/**
	 * Whether being on the list is weak evidence for a number of this length: the list
	 * holds most numbers of that length (a race numbered 1…N holds every number shorter
	 * than N).
	 * @param text the number read
	 * @return whether the list is dense there
	 */
	boolean dense(String text) {
		return text.length() < this.density.length && this.density[text.length()] >= DENSE;
	}

	boolean isEmpty() {
		return this.bibs.isEmpty();
	}

	boolean usesLetterPrefixes() {
		return this.letterPrefixes;
	}

	/**
	 * A number whose box is wider than this many times its height per character has room
	 * for a character the recogniser did not read.
	 */
	static final double ROOM_PER_CHARACTER = 1.1;

	/**
	 * A box this close to the photo's edge, in box heights, touches it. A digit cut off
	 * by the frame leaves its visible strokes in the text, so the detector's box of a cut
	 * number reaches the edge; a box that stops farther from it shows plate between its
	 * last digit and the frame, where no digit is hidden. (It was half a box height: that
	 * lost dev 847 and 3588, whose plates end 0.36 and 0.49 box heights inside the frame,
	 * and the cut numbers seen were all within a quarter.)
	 */
	static final double AT_THE_EDGE = 0.3;

	BibRead check(String text, double confidence, float[] characters, BibRead.Box box, double minimumConfidence) {
		return check(text, confidence, characters, box, 0, minimumConfidence);
	}

	/**
	 * Checks a read.
	 * @param text what was read
	 * @param confidence its mean character probability
	 * @param characters each character's probability
	 * @param box where it is
	 * @param photoWidth the photo's width (0 when unknown)
	 * @param minimumConfidence a read needs at least this
	 * @return the read checked, or {@code null} when it names no runner of the list
	 */
	BibRead check(String text, double confidence, float[] characters, BibRead.Box box, int photoWidth,
			double minimumConfidence) {
		return check(text, confidence, characters, box, photoWidth, minimumConfidence, minimumConfidence);
	}

	/**
	 * Checks a read.
	 * @param text what was read
	 * @param confidence its mean character probability
	 * @param characters each character's probability
	 * @param box where it is
	 * @param photoWidth the photo's width (0 when unknown)
	 * @param minimumConfidence a read needs at least this
	 * @param denseConfidence a read where the list is dense needs at least this (as a
	 * read without list)
	 * @return the read checked, or {@code null} when it names no runner of the list
	 */
	BibRead check(String text, double confidence, float[] characters, BibRead.Box box, int photoWidth,
			double minimumConfidence, double denseConfidence) {
		if (confidence < minimumConfidence) {
			return null;
		}
		String bib = this.bibs.contains(text) ? text : unpadded(text);
		if (bib != null) {
			if (dense(bib) && (confidence < denseConfidence || bib.length() < 2)) {
				// As without a list: the list cannot tell this read from a number printed
				// anywhere.
				return null;
			}
			// A padded number is judged by what is printed: its zeros included.
			if (mayBeReadShort(bib, text, characters, box, photoWidth)) {
				return new BibRead(bib, confidence * 0.5, box, text, BibRead.Kind.DOUBTFUL);
			}
			return new BibRead(bib, confidence, box, text, BibRead.Kind.ON_START_LIST);
		}
		List<String> near = oneEditAway(text);
		if (near.size() != 1) {
			return null;
		}
		String corrected = near.get(0);
		if (supported(text, corrected, confidence, characters)) {
			return new BibRead(corrected, confidence * 0.9, box, text, BibRead.Kind.CORRECTED);
		}
		return null;
	}

	/**
	 * The bib a number printed with leading zeros stands for.
	 * @param text what was read
	 * @return the bib without the zeros, or {@code null} when the read has none, is wider
	 * than the list's bibs, or names no bib of the list
	 */
	private String unpadded(String text) {
		if (!text.startsWith("0") || text.length() > this.widest) {
			return null;
		}
		String bib = text.replaceFirst("^0+", "");
		return (!bib.isEmpty() && this.bibs.contains(bib)) ? bib : null;
	}

	/**
	 * On which sides a bib one digit longer than this one extends it.
	 * @param bib a bib of the list
	 * @return {left, right}
	 */
	boolean[] longerOnSides(String bib) {
		boolean left = false;
		boolean right = false;
		for (char digit = '0'; digit <= '9'; digit++) {
			left |= digit != '0' && this.bibs.contains(digit + bib);
			right |= this.bibs.contains(bib + digit);
		}
		return new boolean[] { left, right };
	}

	/**
	 * Whether the list holds a bib.
	 * @param bib the bib
	 * @return whether it is on the list
	 */
	boolean contains(String bib) {
		return this.bibs.contains(bib);
	}

	private boolean mayBeReadShort(String bib, String printed, float[] characters, BibRead.Box box, int photoWidth) {
		boolean[] longer = longerOnSides(bib);
		boolean longerOnTheLeft = longer[0];
		boolean longerOnTheRight = longer[1];
		if (!longerOnTheLeft && !longerOnTheRight) {
			return false;
		}
		if (box.width() > ROOM_PER_CHARACTER * box.height() * printed.length()) {
			return true;
		}
		double edge = Math.max(2, AT_THE_EDGE * box.height());
		boolean left = (characters.length > 0 && characters[0] < UNCERTAIN_CHARACTER) || box.x() <= edge;
		boolean right = (characters.length > 0 && characters[characters.length - 1] < UNCERTAIN_CHARACTER)
				|| (photoWidth > 0 && box.x() + box.width() >= photoWidth - edge);
		return (longerOnTheLeft && left) || (longerOnTheRight && right);
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

package com.focusracer.recognition;

/**
 * A bib number read on a photo.
 *
 * @param bib the bib, after the start-list check (corrected when {@code kind} says so)
 * @param confidence how sure the reading is, 0–1 (the recogniser's mean character
 * probability, lowered for corrections and doubtful reads)
 * @param box where it is, in the upright photo's pixels
 * @param readAs the characters actually read
 * @param kind how the read relates to the event's start list
 */
public record BibRead(String bib, double confidence, Box box, String readAs, Kind kind) {

	/**
	 * Whether the read names a runner without anyone checking it.
	 * @return false for doubtful reads and numbers not on the start list
	 */
	public boolean accepted() {
		return this.kind.accepted();
	}

	/**
	 * How a read relates to the start list.
	 */
	public enum Kind {

		/** The event has no start list: kept on confidence and context alone. */
		READ,

		/** The number read is on the start list. */
		ON_START_LIST,

		/**
		 * Not on the start list, but exactly one start-list bib is one uncertain edit
		 * away.
		 */
		CORRECTED,

		/**
		 * On the start list, but it may be a longer bib read short (1975 read 975 with a
		 * digit hidden): kept for review, never linked as sure.
		 */
		DOUBTFUL,

		/**
		 * A number read as surely as a bib without a start list, but not on the event's
		 * list (and no list bib near it): shown to the team ("read 3638 — not on the
		 * start list") to add the runner or assign the photo, never linked.
		 */
		NOT_ON_START_LIST;

		/**
		 * Whether reads of this kind name a runner without anyone checking them.
		 * @return false for doubtful reads and numbers not on the start list
		 */
		public boolean accepted() {
			return this != DOUBTFUL && this != NOT_ON_START_LIST;
		}

	}

	/**
	 * An axis-aligned box around a read.
	 *
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 */
	public record Box(int x, int y, int width, int height) {
	}

}

package com.focusracer.timing;

/**
 * The timing files that can be imported (their shapes are in {@code docs/connectors.md},
 * section "Timing").
 */
public enum PassingFormat {

	/** A CSV with a header: bib or chip, timing point, time of day (with its zone). */
	CSV,

	/** RaceResult raw data exported as CSV (transponder or bib, timing point, time). */
	RACE_RESULT,

	/** ChronoTrack {@code CT01_13} lines. */
	CHRONOTRACK,

	/** Wiclax generic acquisition lines ({@code chip;dd-MM-yyyy HH:mm:ss.SSS;…}). */
	WICLAX

}

package com.focusracer.analytics;

/**
 * What is counted per event and day. Searches are counted with or without results; photos
 * linked to runners are counted by source ({@link #linkedBy(String)}).
 */
public enum Metric {

	EVENT_PAGE_VIEW, BIB_SEARCH, BIB_SEARCH_EMPTY, NAME_SEARCH, NAME_SEARCH_EMPTY, SELFIE_SEARCH, SELFIE_SEARCH_EMPTY,
	PHOTO_VIEW, CART_ADD, CHECKOUT_STARTED, ORDER_PAID, PHOTO_UPLOADED, PHOTO_PUBLISHED;

	/** The prefix of the counters of photos linked by one source (OCR, FACE, ...). */
	public static final String LINKED = "LINKED_";

	/** The link sources the recognition module writes. */
	public static final java.util.List<String> SOURCES = java.util.List.of("OCR", "FACE", "BURST", "TIMING", "MANUAL");

	/**
	 * The funnel's steps, in order, for the pages.
	 */
	public static final java.util.List<Metric> FUNNEL = java.util.List.of(EVENT_PAGE_VIEW, BIB_SEARCH, NAME_SEARCH,
			SELFIE_SEARCH, PHOTO_VIEW, CART_ADD, CHECKOUT_STARTED, ORDER_PAID);

	/**
	 * The counter of photos linked by a source.
	 * @param source the link's source
	 * @return the counter's name
	 */
	public static String linkedBy(String source) {
		return LINKED + source;
	}

	/**
	 * Whether this metric counts searches (those with results; {@code _EMPTY} the
	 * others).
	 * @return true for the three searches
	 */
	public boolean search() {
		return this == BIB_SEARCH || this == NAME_SEARCH || this == SELFIE_SEARCH;
	}

}

package com.focusracer.events;

/**
 * Who sees an event's gallery.
 */
public enum Visibility {

	/** Listed on the home page and in search engines. */
	PUBLIC,
	/** Reachable by its link, listed nowhere. */
	UNLISTED,
	/** Only the event's team. */
	PRIVATE

}

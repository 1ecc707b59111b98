package com.focusracer.gallery;

import java.util.UUID;

/**
 * Someone did something on an event's public pages: the funnel's first steps. Carries the
 * event and what was done, nothing about who (no address, no account, no cookie), so that
 * counting it needs no consent. Published on the request's thread; listeners must be
 * cheap.
 *
 * @param eventId the event
 * @param step what was done
 * @param found for a search, whether it found photos
 */
public record GalleryVisited(UUID eventId, Step step, boolean found) {

	public static GalleryVisited of(UUID eventId, Step step) {
		return new GalleryVisited(eventId, step, false);
	}

	/**
	 * The steps counted on the public pages.
	 */
	public enum Step {

		/** The event's page was opened (first page, no search). */
		EVENT_PAGE,

		/** A search by bib. */
		BIB_SEARCH,

		/** A search by name. */
		NAME_SEARCH,

		/** A selfie search. */
		SELFIE_SEARCH,

		/** A photo was opened in the viewer. */
		PHOTO_VIEW,

		/** A photo was put in the cart (kept in the browser). */
		CART_ADD

	}

}

package com.focusracer.gallery;

import java.util.Locale;
import java.util.UUID;

/**
 * The short number people read for a photo (viewer, order page, invoice, e-mail): the
 * first 8 characters of its id, like an order's number. Never the photographer's file
 * name, which says nothing to a buyer and may say too much about the photographer.
 */
public final class PhotoNumber {

	private PhotoNumber() {
	}

	/**
	 * A photo's number.
	 * @param photoId the photo
	 * @return e.g. {@code 3F2A9C1B}
	 */
	public static String of(UUID photoId) {
		return photoId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

}

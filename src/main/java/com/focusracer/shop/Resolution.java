package com.focusracer.shop;

/**
 * What a buyer receives for each photo.
 */
public enum Resolution {

	/** The photographer's original file, byte for byte. */
	ORIGINAL,
	/** A 1,600 px JPEG without watermark. */
	WEB,
	/** The original with the sponsor's frame (free sponsored events). */
	FRAMED

}

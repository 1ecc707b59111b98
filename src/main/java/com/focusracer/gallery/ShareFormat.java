package com.focusracer.gallery;

import java.util.Locale;
import java.util.Optional;

/**
 * The picture formats people post, each with its size in pixels.
 */
public enum ShareFormat {

	/** Square posts, 1:1. */
	SQUARE(1080, 1080),

	/** Portrait posts, 4:5. */
	PORTRAIT(1080, 1350),

	/** Stories and reels, 9:16. */
	STORY(1080, 1920),

	/** Link previews (OpenGraph), 1.91:1. */
	LINK(1200, 630);

	private final int width;

	private final int height;

	ShareFormat(int width, int height) {
		this.width = width;
		this.height = height;
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	/**
	 * Width over height.
	 * @return the aspect ratio
	 */
	public double aspect() {
		return this.width / (double) this.height;
	}

	/**
	 * The name in addresses.
	 * @return e.g. {@code story}
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A format by its name in addresses.
	 * @param key e.g. {@code story}, may be null
	 * @return the format, or empty
	 */
	public static Optional<ShareFormat> of(String key) {
		for (ShareFormat format : values()) {
			if (format.key().equals(key)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}

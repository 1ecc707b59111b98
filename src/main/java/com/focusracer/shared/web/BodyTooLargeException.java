package com.focusracer.shared.web;

import java.io.IOException;

/**
 * A request body that went past its limit while it was being read (a body sent without
 * its length); the request is answered with 413 and the text of {@link #messageKey()}.
 */
public class BodyTooLargeException extends IOException {

	private final transient BodyLimit limit;

	BodyTooLargeException(BodyLimit limit) {
		super("Request body larger than " + limit.maxBytes() + " bytes");
		this.limit = limit;
	}

	public BodyLimit limit() {
		return this.limit;
	}

}

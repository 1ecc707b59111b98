package com.focusracer.photos;

import java.util.UUID;

import com.focusracer.shared.UserMistakeException;

/**
 * A photographer of an event's team tried to hide, delete or re-run a photo another
 * member uploaded: only the event's owner may act on every photo.
 */
public class NotYoursException extends UserMistakeException {

	private final UUID photoId;

	public NotYoursException(UUID photoId) {
		super("photo.notYours");
		this.photoId = photoId;
	}

	public UUID photoId() {
		return this.photoId;
	}

}

package com.focusracer.photos;

import java.util.UUID;

/**
 * What happened to one uploaded file.
 *
 * @param fileName the file's name
 * @param outcome accepted, duplicate or rejected
 * @param photoId the photo (new or the existing duplicate), {@code null} when rejected
 * @param messageKey why it was rejected or that it is a duplicate, {@code null} when
 * accepted
 * @param arguments values for the message
 */
public record UploadOutcome(String fileName, Outcome outcome, UUID photoId, String messageKey, Object[] arguments) {

	/**
	 * The three answers to an upload.
	 */
	public enum Outcome {

		/** The bytes are durable and the photo is in the pipeline. */
		ACCEPTED,
		/** The same bytes are already in this event; stored once. */
		DUPLICATE,
		/** Not a usable photo; nothing kept. */
		REJECTED

	}

	public static UploadOutcome rejected(String fileName, String messageKey, Object... arguments) {
		return new UploadOutcome(fileName, Outcome.REJECTED, null, messageKey, arguments);
	}

}

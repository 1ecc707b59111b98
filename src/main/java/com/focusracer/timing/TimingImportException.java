package com.focusracer.timing;

import com.focusracer.shared.UserMistakeException;

/**
 * A timing file that cannot be imported; nothing of it was: the message says which line
 * and why.
 */
public class TimingImportException extends UserMistakeException {

	public TimingImportException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}

package com.focusracer.events;

import com.focusracer.shared.UserMistakeException;

/**
 * A request about an event that cannot be carried out; the key names the message that
 * says why.
 */
public class EventException extends UserMistakeException {

	public EventException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}

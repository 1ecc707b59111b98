package com.focusracer.events;

/**
 * A request about an event that cannot be carried out; the key names the message that
 * says why.
 */
public class EventException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public EventException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}

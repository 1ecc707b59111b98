package com.focusracer.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A request that cannot be carried out because of what the user entered, with the key of
 * the message-bundle text that says what is wrong and what to do. Pages and the API turn
 * it into that text in the reader's language.
 */
public class UserMistakeException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public UserMistakeException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/**
	 * The key of the message bundles' text for this problem.
	 * @return e.g. {@code password.tooShort}
	 */
	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments;
	}

	/**
	 * The text that tells the user what is wrong, in their language.
	 * @param messages the message bundles
	 * @param locale the reader's language
	 * @return the text
	 */
	public String describe(MessageSource messages, Locale locale) {
		return messages.getMessage(this.messageKey, this.arguments, locale);
	}

}

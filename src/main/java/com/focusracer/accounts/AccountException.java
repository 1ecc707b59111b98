package com.focusracer.accounts;

/**
 * A request about an account that cannot be carried out, with a message key that says why
 * and what to do.
 */
public class AccountException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public AccountException(String messageKey, Object... arguments) {
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

}

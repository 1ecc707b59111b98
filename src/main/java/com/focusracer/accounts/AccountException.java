package com.focusracer.accounts;

import com.focusracer.shared.UserMistakeException;

/**
 * A request about an account that cannot be carried out, with a message key that says why
 * and what to do.
 */
public class AccountException extends UserMistakeException {

	public AccountException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}

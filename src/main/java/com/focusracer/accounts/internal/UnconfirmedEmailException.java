package com.focusracer.accounts.internal;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The password was right but the owner has not yet followed the sign-up confirmation
 * link.
 */
public class UnconfirmedEmailException extends AccountStatusException {

	public UnconfirmedEmailException() {
		super("E-mail not confirmed yet");
	}

}

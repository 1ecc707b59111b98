package com.focusracer.accounts.internal;

import com.focusracer.accounts.AccountPrincipal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for the login form and the token endpoint.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.accounts.findByEmail(email)
			.map((stored) -> new AccountPrincipal(stored.account(), stored.passwordHash(), stored.sessionVersion()))
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}

}

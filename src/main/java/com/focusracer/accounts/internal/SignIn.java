package com.focusracer.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs an account in without a password, after it proved itself another way (the
 * confirmation link).
 */
@Component
public class SignIn {

	private final AccountRepository accounts;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SignIn(AccountRepository accounts) {
		this.accounts = accounts;
	}

	public void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		AccountRepository.Stored stored = this.accounts.findById(account.id()).orElseThrow();
		AccountPrincipal principal = new AccountPrincipal(stored.account(), null, stored.sessionVersion());
		// A new session id, as after a password login: a session id known before cannot
		// ride along.
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}

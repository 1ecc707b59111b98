package com.focusracer.accounts.web;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: whom the token belongs to, so that tools can check their
 * set-up.
 */
@RestController
class MeApi {

	private final AccountManagement accounts;

	MeApi(AccountManagement accounts) {
		this.accounts = accounts;
	}

	record Me(String id, String email, String displayName, String role, String profile) {
	}

	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal AccountPrincipal principal) {
		Account account = this.accounts.find(principal.id()).orElseThrow();
		return new Me(account.id().toString(), account.email(), account.displayName(), account.role().name(),
				(account.profile() != null) ? account.profile().name() : null);
	}

}

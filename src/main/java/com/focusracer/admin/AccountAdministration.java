package com.focusracer.admin;

import java.util.Locale;
import java.util.UUID;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountException;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.privacy.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to accounts. Each action and its audit-log line are committed together.
 */
@Service
@Transactional
public class AccountAdministration {

	private final AccountManagement accounts;

	private final AuditLog audit;

	AccountAdministration(AccountManagement accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	public Account createProAccount(AccountPrincipal admin, String email, String name, Role role, ProProfile profile,
			Locale locale) {
		if (role == Role.RUNNER) {
			throw new AccountException("admin.accounts.roleNotPro");
		}
		Account account = this.accounts.createInvited(email, name, role, profile, locale);
		this.audit.record(admin.id(), admin.email(), "ACCOUNT_CREATED", "ACCOUNT", account.id().toString(),
				account.email() + " as " + describe(role, account.profile()));
		return account;
	}

	public void setEnabled(AccountPrincipal admin, UUID accountId, boolean enabled) {
		if (!enabled && admin.id().equals(accountId)) {
			throw new AccountException("admin.accounts.notYourself");
		}
		Account account = this.accounts.setEnabled(accountId, enabled);
		this.audit.record(admin.id(), admin.email(), enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "ACCOUNT",
				accountId.toString(), account.email());
	}

	/**
	 * Ends every session of an account, on every device (its API tokens stay).
	 * @param admin the admin
	 * @param accountId the account
	 */
	public void endAllSessions(AccountPrincipal admin, UUID accountId) {
		com.focusracer.accounts.Account account = this.accounts.find(accountId)
			.orElseThrow(() -> new AccountException("admin.accounts.notFound"));
		this.accounts.endAllSessions(accountId);
		this.audit.record(admin.id(), admin.email(), "ACCOUNT_SESSIONS_ENDED", "ACCOUNT", accountId.toString(),
				account.email());
	}

	public void changeRole(AccountPrincipal admin, UUID accountId, Role role, ProProfile profile) {
		if (admin.id().equals(accountId)) {
			throw new AccountException("admin.accounts.notYourself");
		}
		Account before = this.accounts.changeRole(accountId, role, profile);
		this.audit.record(admin.id(), admin.email(), "ACCOUNT_ROLE_CHANGED", "ACCOUNT", accountId.toString(),
				before.email() + ": " + describe(before.role(), before.profile()) + " → "
						+ describe(role, (role == Role.PRO) ? profile : null));
	}

	private static String describe(Role role, ProProfile profile) {
		return (profile != null) ? role + " (" + profile + ")" : role.name();
	}

}

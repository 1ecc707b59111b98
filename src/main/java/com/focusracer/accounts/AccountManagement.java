package com.focusracer.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.privacy.AuditLog;
import com.focusracer.accounts.internal.AccountMails;
import com.focusracer.accounts.internal.AccountRepository;
import com.focusracer.accounts.internal.AccountTokens;
import com.focusracer.accounts.internal.AccountTokens.Purpose;
import com.focusracer.accounts.internal.ApiTokens;
import com.focusracer.accounts.internal.PasswordRules;
import com.focusracer.shared.EmailAddress;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that can be done to an account. Replies never tell whether an e-mail address
 * has an account: what differs goes to that address by e-mail.
 */
@Service
@Transactional
public class AccountManagement {

	private final AccountRepository accounts;

	private final AccountTokens links;

	private final ApiTokens apiTokens;

	private final PasswordRules passwordRules;

	private final PasswordEncoder passwordEncoder;

	private final AccountMails mails;

	private final AccountsProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	AccountManagement(AccountRepository accounts, AccountTokens links, ApiTokens apiTokens, PasswordRules passwordRules,
			PasswordEncoder passwordEncoder, AccountMails mails, AccountsProperties properties, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.links = links;
		this.apiTokens = apiTokens;
		this.passwordRules = passwordRules;
		this.passwordEncoder = passwordEncoder;
		this.mails = mails;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Signs up: a new account waits for its owner to follow the link e-mailed to them.
	 * When the address already has an account, nothing is created and its owner is told
	 * by e-mail instead.
	 * @param email the e-mail
	 * @param displayName the name
	 * @param password the chosen password
	 * @param role {@link Role#RUNNER} or {@link Role#PRO}
	 * @param profile for a pro account, what kind of professional it is
	 * @param locale the language of the e-mails
	 */
	public void signUp(String email, String displayName, String password, Role role, ProProfile profile,
			Locale locale) {
		if (role == Role.ADMIN) {
			throw new AccountException("signup.roleNotAllowed");
		}
		ProProfile kind = profileOf(role, profile);
		String address = requireEmail(email);
		this.passwordRules.check(password);
		String name = requireName(displayName);
		Optional<AccountRepository.Stored> existing = this.accounts.findByEmail(address);
		if (existing.isPresent()) {
			this.mails.signUpWithExistingAddress(address, localeOf(existing.get().account()));
			return;
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.accounts.insert(id, address, name, this.passwordEncoder.encode(password), role, kind, false,
				locale.getLanguage(), now);
		String secret = this.links.issue(id, Purpose.ACTIVATION, null,
				now.plus(this.properties.activationLinkValidity()), now);
		this.mails.activation(address, name, secret, locale);
	}

	/**
	 * Confirms a sign-up from the e-mailed link.
	 * @param secret the link's secret
	 * @return the activated account, or empty when the link is unknown, used or expired
	 */
	public Optional<Account> confirmSignUp(String secret) {
		Instant now = this.clock.instant();
		return this.links.redeem(secret, Purpose.ACTIVATION, now).flatMap((redeemed) -> {
			this.accounts.markVerified(redeemed.accountId(), now);
			return find(redeemed.accountId());
		});
	}

	/**
	 * Creates a pro account for someone else (admins); its owner sets a password from the
	 * e-mailed link.
	 * @param email the e-mail
	 * @param displayName the name
	 * @param role {@link Role#PRO} or {@link Role#ADMIN}
	 * @param profile for a pro account, what kind of professional it is
	 * @param locale the language of the invitation
	 * @return the new account
	 */
	public Account createInvited(String email, String displayName, Role role, ProProfile profile, Locale locale) {
		String address = requireEmail(email);
		String name = requireName(displayName);
		ProProfile kind = profileOf(role, profile);
		if (this.accounts.findByEmail(address).isPresent()) {
			throw new AccountException("admin.accounts.emailTaken");
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		// Nobody knows this password: the owner chooses one through the invitation link.
		this.accounts.insert(id, address, name, this.passwordEncoder.encode(UUID.randomUUID().toString()), role, kind,
				true, locale.getLanguage(), now);
		String secret = this.links.issue(id, Purpose.PASSWORD_RESET, null,
				now.plus(this.properties.activationLinkValidity()), now);
		this.mails.invitation(address, name, secret, this.properties.activationLinkValidity(), locale);
		return find(id).orElseThrow();
	}

	/**
	 * Creates an account with a known password and no rules applied: demo data only.
	 * @param email the e-mail
	 * @param displayName the name
	 * @param password the password
	 * @param role the role
	 * @param profile for a pro account, what kind of professional it is
	 * @return whether it was created (false when it already existed)
	 */
	public boolean createDemoAccount(String email, String displayName, String password, Role role, ProProfile profile) {
		if (this.accounts.findByEmail(email).isPresent()) {
			return false;
		}
		this.accounts.insert(UUID.randomUUID(), email, displayName, this.passwordEncoder.encode(password), role,
				profileOf(role, profile), true, "fr", this.clock.instant());
		return true;
	}

	/**
	 * Sends a password-reset link when the address has an account; does the same visible
	 * nothing otherwise.
	 * @param email the e-mail
	 * @param locale the language of the e-mail
	 */
	public void requestPasswordReset(String email, Locale locale) {
		this.accounts.findByEmail(email).filter((stored) -> stored.account().enabled()).ifPresent((stored) -> {
			Instant now = this.clock.instant();
			String secret = this.links.issue(stored.account().id(), Purpose.PASSWORD_RESET, null,
					now.plus(this.properties.resetLinkValidity()), now);
			this.mails.passwordReset(stored.account().email(), secret, this.properties.resetLinkValidity(), locale);
		});
	}

	@Transactional(readOnly = true)
	public boolean isPasswordResetLinkValid(String secret) {
		return secret != null && this.links.isValid(secret, Purpose.PASSWORD_RESET, this.clock.instant());
	}

	/**
	 * Sets a new password from a reset link; the link then stops working, every session
	 * ends and every API token is revoked (whoever took over the account may have made
	 * one), and the owner is told by e-mail.
	 * @param secret the link's secret
	 * @param newPassword the new password
	 * @return the account and how many tokens were revoked, or empty when the link is
	 * unknown, used or expired
	 */
	public Optional<PasswordChanged> resetPassword(String secret, String newPassword) {
		this.passwordRules.check(newPassword);
		Instant now = this.clock.instant();
		return this.links.redeem(secret, Purpose.PASSWORD_RESET, now).flatMap((redeemed) -> {
			this.accounts.updatePassword(redeemed.accountId(), this.passwordEncoder.encode(newPassword), now);
			// Following an e-mailed link proves the address.
			this.accounts.markVerified(redeemed.accountId(), now);
			return find(redeemed.accountId()).map((account) -> afterNewPassword(account, now, "account.passwordReset"));
		});
	}

	/**
	 * Changes the password after checking the current one; other sessions end, every API
	 * token is revoked, and the owner is told by e-mail.
	 * @param accountId the account
	 * @param currentPassword the current password
	 * @param newPassword the new password
	 * @return the account and how many tokens were revoked
	 */
	public PasswordChanged changePassword(UUID accountId, String currentPassword, String newPassword) {
		AccountRepository.Stored stored = reauthenticate(accountId, currentPassword);
		this.passwordRules.check(newPassword);
		Instant now = this.clock.instant();
		this.accounts.updatePassword(accountId, this.passwordEncoder.encode(newPassword), now);
		return afterNewPassword(stored.account(), now, "account.passwordChanged");
	}

	private PasswordChanged afterNewPassword(Account account, Instant now, String action) {
		this.accounts.bumpSessionVersion(account.id());
		int revoked = this.apiTokens.revokeAll(account.id(), now);
		this.audit.record(account.id(), account.email(), action, "account", account.id().toString(),
				revoked + " API tokens revoked");
		this.mails.passwordChanged(account.email(), revoked, localeOf(account));
		return new PasswordChanged(account, revoked);
	}

	public void setLocale(UUID accountId, Locale locale) {
		this.accounts.setLocale(accountId, locale.getLanguage());
	}

	/**
	 * Disables or enables an account; disabling ends its sessions and revokes its API
	 * tokens.
	 * @param accountId the account
	 * @param enabled the new state
	 * @return the account
	 */
	public Account setEnabled(UUID accountId, boolean enabled) {
		Account account = find(accountId).orElseThrow(() -> new AccountException("admin.accounts.notFound"));
		Instant now = this.clock.instant();
		this.accounts.setEnabled(accountId, enabled, now);
		if (!enabled) {
			this.accounts.bumpSessionVersion(accountId);
			this.apiTokens.revokeAll(accountId, now);
		}
		return account;
	}

	/**
	 * Changes an account's role (or a pro account's profile); its sessions end so that
	 * the new role applies at once.
	 * @param accountId the account
	 * @param role the new role
	 * @param profile for {@link Role#PRO}, what kind of professional it is
	 * @return the account as it was before
	 */
	public Account changeRole(UUID accountId, Role role, ProProfile profile) {
		Account account = find(accountId).orElseThrow(() -> new AccountException("admin.accounts.notFound"));
		this.accounts.setRole(accountId, role, profileOf(role, profile), this.clock.instant());
		this.accounts.bumpSessionVersion(accountId);
		return account;
	}

	/**
	 * Ends every session of an account, on every device.
	 * @param accountId the account
	 */
	public void endAllSessions(UUID accountId) {
		this.accounts.bumpSessionVersion(accountId);
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(UUID accountId) {
		return this.accounts.findById(accountId).map(AccountRepository.Stored::account);
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByEmail(String email) {
		return this.accounts.findByEmail(email).map(AccountRepository.Stored::account);
	}

	@Transactional(readOnly = true)
	public List<Account> search(String query, Role role, int limit, int offset) {
		return this.accounts.search(query, role, limit, offset);
	}

	@Transactional(readOnly = true)
	public long count(String query, Role role) {
		return this.accounts.count(query, role);
	}

	/**
	 * Creates a personal API token (pro accounts).
	 * @param accountId the owner
	 * @param name what the owner calls it
	 * @return the token, shown once
	 */
	public IssuedToken createPersonalToken(UUID accountId, String name) {
		Account account = find(accountId).orElseThrow();
		if (!account.role().isPro() && account.role() != Role.ADMIN) {
			throw new AccountException("api.token.proOnly");
		}
		String label = (name == null || name.isBlank()) ? "API" : name.trim();
		if (label.length() > 80) {
			throw new AccountException("tokens.nameTooLong", 80);
		}
		return this.apiTokens.issue(accountId, label, ApiTokens.Kind.PERSONAL, null, this.clock.instant());
	}

	/**
	 * Issues a short-lived API token for a pro or admin account after checking its
	 * password; the caller applies the login throttle.
	 * @param account the account whose password was checked
	 * @return the token
	 */
	public IssuedToken issueSessionToken(Account account) {
		Instant now = this.clock.instant();
		return this.apiTokens.issue(account.id(), "auth/token", ApiTokens.Kind.SESSION,
				now.plus(this.properties.apiTokenValidity()), now);
	}

	@Transactional(readOnly = true)
	public List<ApiTokenInfo> personalTokens(UUID accountId) {
		return this.apiTokens.personalTokens(accountId);
	}

	public boolean revokeToken(UUID accountId, UUID tokenId) {
		return this.apiTokens.revoke(accountId, tokenId, this.clock.instant());
	}

	AccountRepository.Stored reauthenticate(UUID accountId, String password) {
		AccountRepository.Stored stored = this.accounts.findById(accountId).orElseThrow();
		if (password == null || !this.passwordEncoder.matches(password, stored.passwordHash())) {
			throw new AccountException("settings.currentPasswordWrong");
		}
		return stored;
	}

	/**
	 * A pro account always says what kind of professional it is; other accounts never.
	 */
	private static ProProfile profileOf(Role role, ProProfile profile) {
		if (role != Role.PRO) {
			return null;
		}
		if (profile == null) {
			throw new AccountException("account.profileMissing");
		}
		return profile;
	}

	static String requireEmail(String email) {
		String address = AccountRepository.normalizeEmail(email);
		if (!EmailAddress.isWellFormed(address)) {
			throw new AccountException("email.invalid");
		}
		return address;
	}

	private static String requireName(String displayName) {
		String name = (displayName != null) ? displayName.strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			throw new AccountException("name.invalid", 100);
		}
		return name;
	}

	static Locale localeOf(Account account) {
		return Locale.forLanguageTag(account.locale());
	}

}

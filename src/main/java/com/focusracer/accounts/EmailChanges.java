package com.focusracer.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.accounts.internal.AccountMails;
import com.focusracer.accounts.internal.AccountRepository;
import com.focusracer.accounts.internal.AccountTokens;
import com.focusracer.accounts.internal.AccountTokens.Purpose;
import com.focusracer.privacy.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing an account's e-mail: the password first, then a link the new address must
 * follow; the old address is told.
 */
@Service
@Transactional
public class EmailChanges {

	private final AccountManagement management;

	private final AccountRepository accounts;

	private final AccountTokens links;

	private final AccountMails mails;

	private final AccountsProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	EmailChanges(AccountManagement management, AccountRepository accounts, AccountTokens links, AccountMails mails,
			AccountsProperties properties, AuditLog audit, Clock clock) {
		this.management = management;
		this.accounts = accounts;
		this.links = links;
		this.mails = mails;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Starts an e-mail change after checking the password: the new address must confirm
	 * by link.
	 * @param accountId the account
	 * @param currentPassword the current password
	 * @param newEmail the new address
	 */
	public void requestEmailChange(UUID accountId, String currentPassword, String newEmail) {
		AccountRepository.Stored stored = this.management.reauthenticate(accountId, currentPassword);
		String address = AccountManagement.requireEmail(newEmail);
		if (address.equals(stored.account().email())) {
			throw new AccountException("settings.email.same");
		}
		Locale locale = AccountManagement.localeOf(stored.account());
		if (this.accounts.findByEmail(address).isPresent()) {
			// Say nothing here; the owner of that address learns of the attempt.
			this.mails.signUpWithExistingAddress(address, locale);
			return;
		}
		Instant now = this.clock.instant();
		String secret = this.links.issue(accountId, Purpose.EMAIL_CHANGE, address,
				now.plus(this.properties.resetLinkValidity()), now);
		this.mails.emailChange(address, secret, locale);
	}

	/**
	 * Completes an e-mail change from the link sent to the new address.
	 * @param secret the link's secret
	 * @return the account with its new e-mail, or empty when the link is not valid (or
	 * the address was taken meanwhile)
	 */
	public Optional<Account> confirmEmailChange(String secret) {
		Instant now = this.clock.instant();
		return this.links.redeem(secret, Purpose.EMAIL_CHANGE, now).flatMap((redeemed) -> {
			if (this.accounts.findByEmail(redeemed.newEmail()).isPresent()) {
				return Optional.empty();
			}
			Account before = this.management.find(redeemed.accountId()).orElseThrow();
			this.accounts.updateEmail(redeemed.accountId(), redeemed.newEmail(), now);
			this.accounts.bumpSessionVersion(redeemed.accountId());
			this.mails.emailChangedNotice(before.email(), redeemed.newEmail(), AccountManagement.localeOf(before));
			this.audit.record(before.id(), redeemed.newEmail(), "account.emailChanged", "account",
					before.id().toString(), before.email() + " → " + redeemed.newEmail());
			return this.management.find(redeemed.accountId());
		});
	}

}

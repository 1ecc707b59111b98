package com.focusracer.accounts;

import java.util.Optional;

import com.focusracer.accounts.internal.AccountRepository;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the privacy module who has an account at an address.
 */
@Component
class AccountPeople implements PersonDirectory {

	private final AccountRepository accounts;

	private final org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;

	AccountPeople(AccountRepository accounts,
			org.springframework.security.crypto.password.PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean passwordMatches(java.util.UUID accountId, String password) {
		return password != null && this.accounts.findById(accountId)
			.map((stored) -> this.passwordEncoder.matches(password, stored.passwordHash()))
			.orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Person> byEmail(String email) {
		return this.accounts.findByEmail(email)
			.map(AccountRepository.Stored::account)
			.map((account) -> new Person(account.id(), account.email(), account.displayName(), account.locale()));
	}

}

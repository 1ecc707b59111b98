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

	AccountPeople(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Person> byEmail(String email) {
		return this.accounts.findByEmail(email)
			.map(AccountRepository.Stored::account)
			.map((account) -> new Person(account.id(), account.email(), account.displayName(), account.locale()));
	}

}

package com.focusracer.privacy;

import java.util.Optional;

/**
 * Who has an account, for the privacy module that may not read the accounts module: the
 * accounts module implements it.
 */
public interface PersonDirectory {

	/**
	 * The person with an account at an address.
	 * @param email the address
	 * @return the person, or empty for an address without an account
	 */
	Optional<Person> byEmail(String email);

	/**
	 * Checks an account's password again, before an account is deleted.
	 * @param accountId the account
	 * @param password the password typed
	 * @return whether it is the account's password
	 */
	boolean passwordMatches(java.util.UUID accountId, String password);

}

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

}

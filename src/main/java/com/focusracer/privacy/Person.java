package com.focusracer.privacy;

import java.util.UUID;

/**
 * The person a request is about, as each module needs to find their data: by account and
 * by e-mail address (a guest's orders, alerts and start-list entries carry only the
 * address).
 *
 * @param accountId their account, or {@code null} for a guest
 * @param email their address, lower case
 * @param name their name where known (account or request), or {@code null}
 * @param language {@code fr} or {@code en}
 */
public record Person(UUID accountId, String email, String name, String language) {

	/**
	 * Whether the person has an account.
	 * @return true when an account id is known
	 */
	public boolean hasAccount() {
		return this.accountId != null;
	}

}

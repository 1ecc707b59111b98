package com.focusracer.shared;

import java.util.regex.Pattern;

/**
 * The one check of an e-mail address a person gives (sign-up, start lists, alerts,
 * orders): something, an {@code @}, a domain with a dot, no spaces, 254 characters at
 * most (what SMTP carries). Whether it exists only a mail sent to it tells.
 */
public final class EmailAddress {

	private static final Pattern RULE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private EmailAddress() {
	}

	/**
	 * @param address the address, already stripped (and lower-cased where the caller
	 * keeps it so)
	 * @return whether it is well formed
	 */
	public static boolean isWellFormed(String address) {
		return address != null && address.length() <= 254 && RULE.matcher(address).matches();
	}

}

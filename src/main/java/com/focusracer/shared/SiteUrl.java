package com.focusracer.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public address of the site ({@code focusracer.base-url}), without a trailing slash,
 * for the links that leave it: e-mails, API answers, Stripe return addresses.
 */
@Component
public class SiteUrl {

	private final String root;

	SiteUrl(@Value("${focusracer.base-url}") String baseUrl) {
		String root = baseUrl.strip();
		while (root.endsWith("/")) {
			root = root.substring(0, root.length() - 1);
		}
		this.root = root;
	}

	/**
	 * The address, e.g. {@code https://focusracer.com}.
	 * @return the address without a trailing slash
	 */
	public String root() {
		return this.root;
	}

	/**
	 * Whether the site is served over HTTPS (then its cookies are {@code Secure}).
	 * @return true for an {@code https://} address
	 */
	public boolean isHttps() {
		return this.root.regionMatches(true, 0, "https://", 0, 8);
	}

}

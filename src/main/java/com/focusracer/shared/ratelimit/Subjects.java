package com.focusracer.shared.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What the limit tables hold instead of addresses and e-mails: a hash, so that they keep
 * no personal data and every key has the same short length.
 */
final class Subjects {

	private Subjects() {
	}

	static String hash(String subject) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(((subject != null) ? subject : "").getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}

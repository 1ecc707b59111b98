package com.focusracer.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets for links and API tokens, and the one-way hashes under which they are
 * stored.
 */
public final class Secrets {

	private static final SecureRandom random = new SecureRandom();

	private Secrets() {
	}

	/**
	 * A new URL-safe secret with 256 bits of randomness.
	 * @param prefix a readable prefix, e.g. {@code fr_}
	 * @return the secret
	 */
	public static String newSecret(String prefix) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The stored form of a secret. Secrets are long random values, so one SHA-256
	 * suffices.
	 * @param secret the secret
	 * @return its hex SHA-256
	 */
	public static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

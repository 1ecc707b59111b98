package com.focusracer.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Link secrets (only their hash is stored), request references and address hashes.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	// No 0/O, 1/I/L: a reference is read out on the phone.
	private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	private Secrets() {
	}

	/**
	 * A new link secret.
	 * @return 32 random bytes, URL-safe Base64
	 */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A new request reference.
	 * @return e.g. {@code DP-4K7M-Q2XZ}
	 */
	public static String newReference() {
		StringBuilder reference = new StringBuilder("DP-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				reference.append('-');
			}
			reference.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
		}
		return reference.toString();
	}

	/**
	 * The SHA-256 of a text, in hexadecimal.
	 * @param text the text
	 * @return the hash
	 */
	public static String sha256(String text) {
		return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The hash the register keeps of an address.
	 * @param email the address
	 * @return the SHA-256 of the lower-case address
	 */
	public static String emailHash(String email) {
		return sha256(email.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * A SHA-256 digest.
	 * @return a new digest
	 */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}

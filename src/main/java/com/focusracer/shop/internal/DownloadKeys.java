package com.focusracer.shop.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC keys behind download links and order keys: the first signs, every one is
 * accepted. Rotating puts a new key first and keeps the old one second until the links it
 * signed have expired.
 */
public final class DownloadKeys {

	/** The shortest key accepted: as long as the HMAC-SHA256 output. */
	static final int MIN_BYTES = 32;

	private final List<byte[]> keys;

	/**
	 * The keys, the signing one first.
	 * @param keys at least one, each at least 32 bytes
	 */
	public DownloadKeys(List<byte[]> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("No download key");
		}
		for (byte[] key : keys) {
			if (key.length < MIN_BYTES) {
				throw new IllegalArgumentException("A download key has fewer than " + MIN_BYTES + " bytes");
			}
		}
		this.keys = keys.stream().map(byte[]::clone).toList();
	}

	/**
	 * Reads the keys of {@code focusracer.shop.download-keys}.
	 * @param configured each Base64 (standard or URL-safe) of at least 32 bytes
	 * @return the keys
	 * @throws IllegalArgumentException naming the entry that is wrong and how to make one
	 */
	public static DownloadKeys fromBase64(List<String> configured) {
		List<byte[]> keys = new ArrayList<>();
		for (int i = 0; i < configured.size(); i++) {
			String text = configured.get(i).strip();
			byte[] key;
			try {
				key = (text.contains("-") || text.contains("_")) ? Base64.getUrlDecoder().decode(text)
						: Base64.getDecoder().decode(text);
			}
			catch (IllegalArgumentException ex) {
				key = new byte[0];
			}
			if (key.length < MIN_BYTES) {
				throw new IllegalArgumentException(
						"focusracer.shop.download-keys: entry " + (i + 1) + " is not Base64 of at least " + MIN_BYTES
								+ " bytes. Make a key with `openssl rand -base64 32`; list the new key first and the "
								+ "previous one after it, separated by a comma.");
			}
			keys.add(key);
		}
		return new DownloadKeys(keys);
	}

	/**
	 * The signature of one download link.
	 * @param orderId the order
	 * @param photoId the photo, {@code null} for the order's ZIP
	 * @param expires the link's end, epoch seconds
	 * @return URL-safe Base64
	 */
	public String linkSignature(UUID orderId, UUID photoId, long expires) {
		return mac(this.keys.get(0), linkText(orderId, photoId, expires));
	}

	/**
	 * Whether a link's signature was made by one of the keys.
	 * @param orderId the order
	 * @param photoId the photo, {@code null} for the ZIP
	 * @param expires the link's end
	 * @param signature the signature given
	 * @return true when it is right (compared in constant time)
	 */
	public boolean linkSigned(UUID orderId, UUID photoId, long expires, String signature) {
		return matches(linkText(orderId, photoId, expires), signature);
	}

	/**
	 * The secret key of an order, made with the signing key.
	 * @param orderId the order
	 * @return the key
	 */
	public String orderKey(UUID orderId) {
		return mac(this.keys.get(0), orderText(orderId));
	}

	/**
	 * Whether a key is the key of an order under one of the keys.
	 * @param orderId the order
	 * @param key the key given
	 * @return true when it opens the order
	 */
	public boolean orderKeyOpens(UUID orderId, String key) {
		return matches(orderText(orderId), key);
	}

	private boolean matches(String text, String signature) {
		if (signature == null) {
			return false;
		}
		byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
		boolean match = false;
		for (byte[] key : this.keys) {
			// Every key is tried, so that the time taken says nothing about which one.
			match |= MessageDigest.isEqual(mac(key, text).getBytes(StandardCharsets.US_ASCII), given);
		}
		return match;
	}

	private static String linkText(UUID orderId, UUID photoId, long expires) {
		return orderId + "|" + ((photoId != null) ? photoId : "zip") + "|" + expires;
	}

	private static String orderText(UUID orderId) {
		return "order|" + orderId;
	}

	private static String mac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package com.focusracer.events.connectors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.ConnectorsProperties;
import com.focusracer.events.StartListSource.Credentials;

import org.springframework.stereotype.Component;

/**
 * Encrypts connector credentials with AES-GCM: a random 12-byte nonce before the cipher
 * text, the event's id as associated data (a row copied to another event does not
 * decrypt). Every node must have the same key.
 */
@Component
public class ConnectorSecrets {

	private static final Logger log = LoggerFactory.getLogger(ConnectorSecrets.class);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	ConnectorSecrets(ConnectorsProperties properties) {
		this.key = key(properties.secretKey());
	}

	static SecretKey key(String configured) {
		if (configured == null || configured.isBlank()) {
			log.warn("focusracer.events.connectors.secret-key is not set: connector credentials are encrypted with "
					+ "the development key, which production must replace (see docs/operations.md)");
			try {
				byte[] derived = MessageDigest.getInstance("SHA-256")
					.digest("focus-racer development connector key".getBytes(StandardCharsets.UTF_8));
				return new SecretKeySpec(derived, "AES");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}
		byte[] bytes = Base64.getDecoder().decode(configured.strip());
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new IllegalStateException(
					"focusracer.events.connectors.secret-key must be 16, 24 or 32 bytes in base64, not "
							+ bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/**
	 * Encrypts an event's key and secret.
	 * @param eventId the event
	 * @param credentials the credentials
	 * @return nonce and cipher text
	 */
	public byte[] encrypt(UUID eventId, Credentials credentials) {
		String plain = nullToEmpty(credentials.key()) + "\n" + nullToEmpty(credentials.secret());
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(eventId.toString().getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt the credentials of event " + eventId, ex);
		}
	}

	/**
	 * Decrypts an event's key and secret.
	 * @param eventId the event
	 * @param reference the platform's event id
	 * @param subReference the second id, or {@code null}
	 * @param sealed what {@link #encrypt} made
	 * @return the credentials
	 */
	public Credentials decrypt(UUID eventId, String reference, String subReference, byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(eventId.toString().getBytes(StandardCharsets.US_ASCII));
			String plain = new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
					StandardCharsets.UTF_8);
			int split = plain.indexOf('\n');
			String secret = plain.substring(split + 1);
			return new Credentials(reference, subReference, plain.substring(0, split),
					secret.isEmpty() ? null : secret);
		}
		catch (GeneralSecurityException ex) {
			// Another key (a node configured differently) or a tampered row.
			throw new IllegalStateException("Could not decrypt the credentials of event " + eventId
					+ ": is focusracer.events.connectors.secret-key the same on every node?", ex);
		}
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}

package com.focusracer.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.focusracer.accounts.AccountException;

import org.springframework.stereotype.Component;

/**
 * What a new password must satisfy: 8 to 128 characters and not one of the 1,000 most
 * common passwords (the head of the frequency-ranked list that the zxcvbn library ships).
 */
@Component
public class PasswordRules {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private static final String COMMON_PASSWORDS = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private final Set<String> common;

	public PasswordRules() {
		this.common = loadMostCommon(1000);
	}

	/**
	 * Checks a new password.
	 * @param password the password
	 * @throws AccountException when the password is refused, with a key saying why
	 */
	public void check(String password) {
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < MIN_LENGTH) {
			throw new AccountException("password.tooShort", MIN_LENGTH);
		}
		if (length > MAX_LENGTH) {
			throw new AccountException("password.tooLong", MAX_LENGTH);
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			throw new AccountException("password.tooCommon");
		}
	}

	int commonCount() {
		return this.common.size();
	}

	private static Set<String> loadMostCommon(int count) {
		InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
		if (in == null) {
			throw new IllegalStateException(
					"The common-password list " + COMMON_PASSWORDS + " is missing from the classpath");
		}
		Set<String> passwords = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while (passwords.size() < count && (line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					passwords.add(line.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}

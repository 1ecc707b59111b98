package com.focusracer.bench;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Measures one Argon2id password check with the production parameters: the cost of every
 * login. Run as documented in {@code docs/benchmarks.md}.
 */
public final class PasswordHashingBench {

	private PasswordHashingBench() {
	}

	public static void main(String[] args) {
		Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		String hash = encoder.encode("a long enough passphrase");
		for (int i = 0; i < 10; i++) {
			encoder.matches("a long enough passphrase", hash);
		}
		int rounds = 100;
		long start = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			encoder.matches("a long enough passphrase", hash);
		}
		double millis = (System.nanoTime() - start) / 1e6 / rounds;
		System.out.printf("argon2id m=19456 t=2 p=1: %.1f ms per check, %.1f checks/s per core%n", millis,
				1000 / millis);
	}

}

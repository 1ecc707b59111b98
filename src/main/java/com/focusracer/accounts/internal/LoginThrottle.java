package com.focusracer.accounts.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.stereotype.Component;

/**
 * Failed logins, counted in the shared rate-limit buckets so that every node enforces the
 * same limits. Three limits, so that nobody can lock out others: per account-and-address
 * pair (the usual guessing), and higher ones per address (one address trying many
 * accounts) and per account (one account tried from many addresses). A wrong password for
 * one account does not stop another account at the same address (a race village's Wi-Fi),
 * nor the same account elsewhere, until the higher ceilings are reached.
 * <p>
 * The account is the e-mail as typed, normalised: an unknown e-mail is throttled exactly
 * like a known one, so the answer never says whether an account exists.
 */
@Component
public class LoginThrottle {

	private final RateLimits limits;

	LoginThrottle(RateLimits limits) {
		this.limits = limits;
	}

	/**
	 * How long until a login may be tried, if it may not be now.
	 * @param email the e-mail tried
	 * @param address the client's address
	 * @return the wait, or empty when a login may be tried now
	 */
	public Optional<Duration> wait(String email, String address) {
		String account = account(email);
		return Stream
			.of(this.limits.waitFor(RateLimit.LOGIN, pair(account, address)),
					this.limits.waitFor(RateLimit.LOGIN_ADDRESS, address),
					this.limits.waitFor(RateLimit.LOGIN_ACCOUNT, account))
			.flatMap(Optional::stream)
			.max(Duration::compareTo);
	}

	/**
	 * Counts a wrong password (or an unknown e-mail).
	 * @param email the e-mail tried
	 * @param address the client's address
	 */
	public void recordFailure(String email, String address) {
		String account = account(email);
		this.limits.count(RateLimit.LOGIN, pair(account, address));
		this.limits.count(RateLimit.LOGIN_ADDRESS, address);
		this.limits.count(RateLimit.LOGIN_ACCOUNT, account);
	}

	/**
	 * Forgets the account's failures after a successful login (the address's stay
	 * counted: it may be trying other accounts).
	 * @param email the e-mail that logged in
	 * @param address the client's address
	 */
	public void recordSuccess(String email, String address) {
		String account = account(email);
		this.limits.forget(RateLimit.LOGIN, pair(account, address));
		this.limits.forget(RateLimit.LOGIN_ACCOUNT, account);
	}

	private static String account(String email) {
		return AccountRepository.normalizeEmail(email);
	}

	private static String pair(String account, String address) {
		return account + " from " + address;
	}

}

package com.focusracer.accounts.internal;

import java.time.Duration;
import java.util.Optional;

import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.stereotype.Component;

/**
 * Failed logins, counted in the shared rate-limit buckets so that every node enforces the
 * same limits: each attempt is taken before the password is checked, and given back when
 * the password was right. Three limits, so that nobody can lock out others: per
 * account-and-address pair (the usual guessing), and higher ones per address (one address
 * trying many accounts) and per account (one account tried from many addresses). A wrong
 * password for one account does not stop another account at the same address (a race
 * village's Wi-Fi), nor the same account elsewhere, until the higher ceilings are
 * reached.
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
	 * Takes one attempt from the three limits before the password is checked, so that
	 * attempts made all at once count as well; refused by any of them, it takes none.
	 * @param email the e-mail tried
	 * @param address the client's address
	 * @return empty when the attempt may go ahead, else how long to wait
	 */
	public Optional<Duration> tryAttempt(String email, String address) {
		String account = account(email);
		String pair = pair(account, address);
		Optional<Duration> wait = this.limits.tryAcquire(RateLimit.LOGIN, pair);
		if (wait.isPresent()) {
			return wait;
		}
		wait = this.limits.tryAcquire(RateLimit.LOGIN_ADDRESS, address);
		if (wait.isPresent()) {
			this.limits.giveBack(RateLimit.LOGIN, pair);
			return wait;
		}
		wait = this.limits.tryAcquire(RateLimit.LOGIN_ACCOUNT, account);
		if (wait.isPresent()) {
			this.limits.giveBack(RateLimit.LOGIN, pair);
			this.limits.giveBack(RateLimit.LOGIN_ADDRESS, address);
		}
		return wait;
	}

	/**
	 * An attempt with the right password (the account may still be disabled or
	 * unconfirmed) was no failure: the account's failures from this address and in all
	 * are forgotten, and the address gets its attempt back (its other failures stay
	 * counted: it may be trying other accounts).
	 * @param email the e-mail that logged in
	 * @param address the client's address
	 */
	public void rightPassword(String email, String address) {
		String account = account(email);
		this.limits.forget(RateLimit.LOGIN, pair(account, address));
		this.limits.forget(RateLimit.LOGIN_ACCOUNT, account);
		this.limits.giveBack(RateLimit.LOGIN_ADDRESS, address);
	}

	private static String account(String email) {
		return AccountRepository.normalizeEmail(email);
	}

	private static String pair(String account, String address) {
		return account + " from " + address;
	}

}

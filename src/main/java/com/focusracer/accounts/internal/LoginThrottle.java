package com.focusracer.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.focusracer.accounts.AccountsProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per e-mail and per IP address in the database, so that every node
 * of a cluster enforces the same limit: past the limit within the window, further
 * attempts are refused until the oldest failure leaves the window.
 */
@Component
public class LoginThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccountsProperties properties;

	LoginThrottle(JdbcClient jdbc, Clock clock, AccountsProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * When the next attempt will be allowed, if attempts are refused now.
	 * @param email the e-mail tried
	 * @param ip the client's address
	 * @return the moment attempts are allowed again, or empty when they are allowed now
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> blockedUntil(String email, String ip) {
		Instant now = this.clock.instant();
		Instant since = now.minus(this.properties.loginFailureWindow());
		Optional<Instant> byAccount = blockedUntil(accountKey(email), since);
		Optional<Instant> byIp = blockedUntil(ipKey(ip), since);
		return byAccount.map((a) -> byIp.filter((i) -> i.isAfter(a)).orElse(a)).or(() -> byIp);
	}

	private Optional<Instant> blockedUntil(String key, Instant since) {
		// The failure that must leave the window before another attempt is allowed.
		int limit = this.properties.maxLoginFailures();
		return this.jdbc.sql("""
				select failed_at from login_failure where throttle_key = ? and failed_at > ?
				order by failed_at desc offset ? limit 1""")
			.params(key, Timestamp.from(since), limit - 1)
			.query(Timestamp.class)
			.optional()
			.map((failedAt) -> failedAt.toInstant().plus(this.properties.loginFailureWindow()));
	}

	@Transactional
	public void recordFailure(String email, String ip) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("insert into login_failure (throttle_key, failed_at) values (?, ?), (?, ?)")
			.params(accountKey(email), now, ipKey(ip), now)
			.update();
	}

	/**
	 * Forgets the account's failures after a successful login (the IP's stay counted).
	 * @param email the e-mail that logged in
	 */
	@Transactional
	public void recordSuccess(String email) {
		this.jdbc.sql("delete from login_failure where throttle_key = ?").param(accountKey(email)).update();
	}

	@Scheduled(fixedDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	@Transactional
	public void forgetOldFailures() {
		Duration window = this.properties.loginFailureWindow();
		this.jdbc.sql("delete from login_failure where failed_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(window)))
			.update();
	}

	private static String accountKey(String email) {
		return "account:" + AccountRepository.normalizeEmail(email);
	}

	private static String ipKey(String ip) {
		return "ip:" + ip;
	}

}

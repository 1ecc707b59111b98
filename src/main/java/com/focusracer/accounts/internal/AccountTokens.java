package com.focusracer.accounts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links sent by e-mail, stored as hashes only.
 */
@Repository
public class AccountTokens {

	/**
	 * What a link does.
	 */
	public enum Purpose {

		ACTIVATION, PASSWORD_RESET, EMAIL_CHANGE

	}

	/**
	 * A link that was just used.
	 *
	 * @param accountId the account it belongs to
	 * @param newEmail for e-mail changes, the new address
	 */
	public record Redeemed(UUID accountId, String newEmail) {
	}

	private final JdbcClient jdbc;

	AccountTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates a link secret; older unused links of the same purpose stop working.
	 * @param accountId the account
	 * @param purpose what it does
	 * @param newEmail the new address for e-mail changes, else {@code null}
	 * @param expiresAt when it stops working
	 * @param now the current time
	 * @return the secret to put in the link
	 */
	public String issue(UUID accountId, Purpose purpose, String newEmail, Instant expiresAt, Instant now) {
		this.jdbc.sql("update account_token set used_at = ? where account_id = ? and purpose = ? and used_at is null")
			.params(Timestamp.from(now), accountId, purpose.name())
			.update();
		String secret = Secrets.newSecret("");
		this.jdbc.sql("""
				insert into account_token (id, account_id, purpose, token_hash, new_email, expires_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), accountId, purpose.name(), Secrets.hash(secret), newEmail,
					Timestamp.from(expiresAt), Timestamp.from(now))
			.update();
		return secret;
	}

	/**
	 * Whether a link would still work, without using it.
	 * @param secret the secret from the link
	 * @param purpose what it must do
	 * @param now the current time
	 * @return whether it is valid
	 */
	public boolean isValid(String secret, Purpose purpose, Instant now) {
		return this.jdbc.sql("""
				select count(*) from account_token
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ?""")
			.params(Secrets.hash(secret), purpose.name(), Timestamp.from(now))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Uses a link: marks it used, atomically, so two concurrent uses cannot both succeed.
	 * @param secret the secret from the link
	 * @param purpose what it must do
	 * @param now the current time
	 * @return the account it belongs to, when the link was valid
	 */
	public Optional<Redeemed> redeem(String secret, Purpose purpose, Instant now) {
		if (secret == null || secret.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update account_token set used_at = ?
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ?
				returning account_id, new_email""")
			.params(Timestamp.from(now), Secrets.hash(secret), purpose.name(), Timestamp.from(now))
			.query((rs, row) -> new Redeemed(rs.getObject("account_id", UUID.class), rs.getString("new_email")))
			.optional();
	}

}

package com.focusracer.accounts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.accounts.ApiTokenInfo;
import com.focusracer.accounts.IssuedToken;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API tokens, stored as SHA-256 hashes: a leaked table gives no usable token.
 */
@Repository
public class ApiTokens {

	/**
	 * How a token came to be.
	 */
	public enum Kind {

		/** Created by its owner in the pro space; works until revoked. */
		PERSONAL,
		/** Issued by {@code POST /api/v1/auth/token}; expires. */
		SESSION

	}

	private static final String PREFIX = "fr_";

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public IssuedToken issue(UUID accountId, String name, Kind kind, Instant expiresAt, Instant now) {
		String secret = Secrets.newSecret(PREFIX);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into api_token (id, account_id, name, kind, token_hash, prefix, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, accountId, name, kind.name(), Secrets.hash(secret), secret.substring(0, PREFIX.length() + 6),
					Timestamp.from(now), (expiresAt != null) ? Timestamp.from(expiresAt) : null)
			.update();
		return new IssuedToken(id, secret, expiresAt);
	}

	/**
	 * The account a valid token belongs to; records its use.
	 * @param secret the bearer token
	 * @param now the current time
	 * @return the account id, when the token is known, not revoked and not expired
	 */
	public Optional<UUID> authenticate(String secret, Instant now) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update api_token set last_used_at = ?
				where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)
				returning account_id""")
			.params(Timestamp.from(now), Secrets.hash(secret), Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	public List<ApiTokenInfo> personalTokens(UUID accountId) {
		return this.jdbc.sql("""
				select id, name, prefix, created_at, last_used_at from api_token
				where account_id = ? and kind = 'PERSONAL' and revoked_at is null order by created_at desc""")
			.param(accountId)
			.query((rs, row) -> new ApiTokenInfo(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("prefix"), rs.getTimestamp("created_at").toInstant(),
					(rs.getTimestamp("last_used_at") != null) ? rs.getTimestamp("last_used_at").toInstant() : null))
			.list();
	}

	public boolean revoke(UUID accountId, UUID tokenId, Instant now) {
		return this.jdbc
			.sql("update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
			.params(Timestamp.from(now), tokenId, accountId)
			.update() > 0;
	}

	/**
	 * Revokes every token of an account, e.g. when it is disabled or its password
	 * changes.
	 * @param accountId the account
	 * @param now the current time
	 * @return how many tokens were revoked
	 */
	public int revokeAll(UUID accountId, Instant now) {
		return this.jdbc.sql("update api_token set revoked_at = ? where account_id = ? and revoked_at is null")
			.params(Timestamp.from(now), accountId)
			.update();
	}

}

package com.focusracer.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts in the {@code account} table.
 */
@Repository
public class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An account with its secrets, for login.
	 *
	 * @param account the public view
	 * @param passwordHash the Argon2id hash
	 * @param sessionVersion bumped to end every session of the account
	 */
	public record Stored(Account account, String passwordHash, int sessionVersion) {
	}

	public static String normalizeEmail(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : "";
	}

	public void insert(UUID id, String email, String displayName, String passwordHash, Role role, ProProfile profile,
			boolean verified, String locale, Instant now) {
		this.jdbc.sql("""
				insert into account (id, email, display_name, password_hash, role, pro_profile, enabled, email_verified,
				                     locale, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?)""")
			.params(id, normalizeEmail(email), displayName, passwordHash, role.name(),
					(profile != null) ? profile.name() : null, verified, locale, Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	public Optional<Stored> findByEmail(String email) {
		return this.jdbc.sql("select * from account where email = ?")
			.param(normalizeEmail(email))
			.query(AccountRepository::mapStored)
			.optional();
	}

	public Optional<Stored> findById(UUID id) {
		return this.jdbc.sql("select * from account where id = ?")
			.param(id)
			.query(AccountRepository::mapStored)
			.optional();
	}

	public List<Account> search(String query, Role role, int limit, int offset) {
		String like = (query == null || query.isBlank()) ? "%" : "%" + query.trim().toLowerCase(Locale.ROOT) + "%";
		return this.jdbc.sql("""
				select * from account
				where (email like :like or lower(display_name) like :like) and (:role = '' or role = :role)
				order by created_at desc, email limit :limit offset :offset""")
			.param("like", like)
			.param("role", (role != null) ? role.name() : "")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> map(rs))
			.list();
	}

	public long count(String query, Role role) {
		String like = (query == null || query.isBlank()) ? "%" : "%" + query.trim().toLowerCase(Locale.ROOT) + "%";
		return this.jdbc.sql("""
				select count(*) from account
				where (email like :like or lower(display_name) like :like) and (:role = '' or role = :role)""")
			.param("like", like)
			.param("role", (role != null) ? role.name() : "")
			.query(Long.class)
			.single();
	}

	public void updatePassword(UUID id, String hash, Instant now) {
		this.jdbc.sql("update account set password_hash = ?, updated_at = ? where id = ?")
			.params(hash, Timestamp.from(now), id)
			.update();
	}

	public void updateEmail(UUID id, String email, Instant now) {
		this.jdbc.sql("update account set email = ?, email_verified = true, updated_at = ? where id = ?")
			.params(normalizeEmail(email), Timestamp.from(now), id)
			.update();
	}

	public void markVerified(UUID id, Instant now) {
		this.jdbc.sql("update account set email_verified = true, updated_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	public void setEnabled(UUID id, boolean enabled, Instant now) {
		this.jdbc.sql("update account set enabled = ?, updated_at = ? where id = ?")
			.params(enabled, Timestamp.from(now), id)
			.update();
	}

	public void setRole(UUID id, Role role, ProProfile profile, Instant now) {
		this.jdbc.sql("update account set role = ?, pro_profile = ?, updated_at = ? where id = ?")
			.params(role.name(), (profile != null) ? profile.name() : null, Timestamp.from(now), id)
			.update();
	}

	public void setLocale(UUID id, String locale) {
		this.jdbc.sql("update account set locale = ? where id = ?").params(locale, id).update();
	}

	/**
	 * Ends every session of the account: sessions remember the version they started with.
	 * @param id the account
	 */
	public void bumpSessionVersion(UUID id) {
		this.jdbc.sql("update account set session_version = session_version + 1 where id = ?").param(id).update();
	}

	public Optional<Integer> sessionVersion(UUID id) {
		return this.jdbc.sql("select session_version from account where id = ? and enabled and email_verified")
			.param(id)
			.query(Integer.class)
			.optional();
	}

	private static Stored mapStored(ResultSet rs, int row) throws SQLException {
		return new Stored(map(rs), rs.getString("password_hash"), rs.getInt("session_version"));
	}

	private static Account map(ResultSet rs) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")),
				(rs.getString("pro_profile") != null) ? ProProfile.valueOf(rs.getString("pro_profile")) : null,
				rs.getBoolean("enabled"), rs.getBoolean("email_verified"), rs.getString("locale"),
				rs.getTimestamp("created_at").toInstant());
	}

}

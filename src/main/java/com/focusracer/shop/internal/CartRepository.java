package com.focusracer.shop.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The carts runners keep in their account.
 */
@Repository
public class CartRepository {

	private final JdbcClient jdbc;

	CartRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> cart(UUID accountId) {
		return this.jdbc.sql("select items from runner_cart where account_id = ?")
			.param(accountId)
			.query(String.class)
			.optional();
	}

	public void saveCart(UUID accountId, String items, Instant now) {
		this.jdbc.sql("""
				insert into runner_cart (account_id, items, updated_at) values (?, ?, ?)
				on conflict (account_id) do update set items = excluded.items, updated_at = excluded.updated_at""")
			.params(accountId, items, Timestamp.from(now))
			.update();
	}

}

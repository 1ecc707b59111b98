package com.focusracer.shop.internal;

import java.security.SecureRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The installation's own key for download links, made at first use.
 */
@Repository
public class ShopSecretRepository {

	private final JdbcClient jdbc;

	ShopSecretRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The key that signs download links, made at first use.
	 */
	public byte[] secret() {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		this.jdbc.sql("insert into shop_secret (id, secret) values (1, ?) on conflict do nothing")
			.param(fresh)
			.update();
		return this.jdbc.sql("select secret from shop_secret where id = 1").query(byte[].class).single();
	}

}

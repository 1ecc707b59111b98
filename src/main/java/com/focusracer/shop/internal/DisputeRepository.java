package com.focusracer.shop.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.focusracer.shop.Dispute;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Disputes opened by buyers' banks.
 */
@Repository
public class DisputeRepository {

	private final JdbcClient jdbc;

	DisputeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void saveDispute(String id, UUID orderId, long amount, String currency, String reason, String status,
			Instant now) {
		this.jdbc.sql("""
				insert into dispute (id, order_id, amount, currency, reason, status, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do update set status = excluded.status, updated_at = excluded.updated_at""")
			.params(id, orderId, amount, currency, reason, status, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	public List<Dispute> disputes(int limit) {
		return this.jdbc.sql("""
				select d.*, o.email from dispute d left join shop_order o on o.id = d.order_id
				order by d.created_at desc limit ?""")
			.param(limit)
			.query((rs, row) -> new Dispute(rs.getString("id"), rs.getObject("order_id", UUID.class),
					rs.getString("email"), rs.getLong("amount"), rs.getString("currency"), rs.getString("reason"),
					rs.getString("status"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}

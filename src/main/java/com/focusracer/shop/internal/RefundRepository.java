package com.focusracer.shop.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refunds decided by admins, recorded before the provider is asked.
 */
@Repository
public class RefundRepository {

	private final JdbcClient jdbc;

	RefundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertRefund(UUID id, UUID orderId, long amount, UUID adminId, Instant now) {
		this.jdbc.sql("""
				insert into refund (id, order_id, amount, idempotency_key, admin_id, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, orderId, amount, "refund-" + id, adminId, Timestamp.from(now))
			.update();
	}

	public void refundDone(UUID id, String providerRefundId) {
		this.jdbc.sql("update refund set provider_refund_id = ? where id = ?").params(providerRefundId, id).update();
	}

	/**
	 * Marks a refund the provider refused: it no longer counts.
	 * @param id the refund
	 * @param failure what the provider said
	 * @param now when
	 */
	public void refundFailed(UUID id, String failure, Instant now) {
		this.jdbc.sql("update refund set failed_at = ?, failure = ? where id = ?")
			.params(Timestamp.from(now), failure, id)
			.update();
	}

	public long refundsAsked(UUID orderId) {
		return this.jdbc.sql("select coalesce(sum(amount), 0) from refund where order_id = ? and failed_at is null")
			.param(orderId)
			.query(Long.class)
			.single();
	}

}

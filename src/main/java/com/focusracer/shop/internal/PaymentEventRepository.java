package com.focusracer.shop.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.focusracer.shop.PaymentEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events payment providers sent, each handled at most once.
 */
@Repository
public class PaymentEventRepository {

	private final JdbcClient jdbc;

	PaymentEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a provider event, unless it was already handled: true when this call owns
	 * it. A concurrent duplicate waits on the key, then finds it handled.
	 */
	public boolean claimEvent(String id, String provider, String type, String payload, Instant now) {
		return this.jdbc.sql("""
				insert into payment_event (id, provider, type, status, payload, received_at)
				values (?, ?, ?, 'RECEIVED', ?, ?)
				on conflict (id) do update set status = 'RECEIVED', error = null, type = excluded.type
				where payment_event.status = 'UNPARSEABLE'
				returning id""")
			.params(id, provider, type, payload, Timestamp.from(now))
			.query(String.class)
			.optional()
			.isPresent();
	}

	public void eventHandled(String id, UUID orderId, String status, Instant now) {
		this.jdbc.sql("update payment_event set status = ?, order_id = ?, handled_at = ? where id = ?")
			.params(status, orderId, Timestamp.from(now), id)
			.update();
	}

	public void keepUnparseable(String id, String provider, String payload, String error, Instant now) {
		this.jdbc.sql("""
				insert into payment_event (id, provider, status, error, payload, received_at)
				values (?, ?, 'UNPARSEABLE', ?, ?, ?)
				on conflict (id) do update set error = excluded.error, received_at = excluded.received_at
				where payment_event.status = 'UNPARSEABLE'""")
			.params(id, provider, error, payload, Timestamp.from(now))
			.update();
	}

	public List<PaymentEvent> paymentEvents(String status, int limit) {
		return this.jdbc.sql("""
				select id, provider, type, order_id, status, error, left(payload, 2000) as payload, received_at
				from payment_event where status = ? order by received_at desc limit ?""")
			.params(status, limit)
			.query((rs, row) -> new PaymentEvent(rs.getString("id"), rs.getString("provider"), rs.getString("type"),
					rs.getObject("order_id", UUID.class), rs.getString("status"), rs.getString("error"),
					rs.getString("payload"), rs.getTimestamp("received_at").toInstant()))
			.list();
	}

}

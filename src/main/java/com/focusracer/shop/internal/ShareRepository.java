package com.focusracer.shop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each beneficiary's share of each sale, and what refunds after a payout took back.
 */
@Repository
public class ShareRepository {

	private final JdbcClient jdbc;

	ShareRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertShare(UUID orderId, UUID accountId, String role, long gross, long fee, long amount,
			String currency, String status, Instant now) {
		this.jdbc.sql("""
				insert into sale_share (id, order_id, account_id, role, gross, fee, amount, currency, status,
				    idempotency_key, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (idempotency_key) do update set gross = excluded.gross, fee = excluded.fee,
				    amount = excluded.amount
				where sale_share.status in ('DUE', 'KEPT')""")
			.params(UUID.randomUUID(), orderId, accountId, role, gross, fee, amount, currency, status,
					"share-" + orderId + "-" + ((accountId != null) ? accountId : "platform") + "-" + role,
					Timestamp.from(now))
			.update();
	}

	public List<SaleShare> shares(UUID accountId) {
		return this.jdbc.sql("""
				select s.*, o.event_id, o.paid_at from sale_share s join shop_order o on o.id = s.order_id
				where s.account_id = ? order by s.created_at desc limit 1000""")
			.param(accountId)
			.query(ShareRepository::mapShare)
			.list();
	}

	/**
	 * The shares of one sale.
	 */
	public List<SaleShare> sharesOf(UUID orderId) {
		return this.jdbc.sql("""
				select s.*, o.event_id, o.paid_at from sale_share s join shop_order o on o.id = s.order_id
				where s.order_id = ?""").param(orderId).query(ShareRepository::mapShare).list();
	}

	/**
	 * The shares due to pros whose Stripe account is ready, of sales paid long enough ago
	 * and not disputed, oldest first.
	 * @param paidBefore only sales paid before this time (the holding period)
	 * @param limit how many at most
	 */
	public List<SaleShare> dueShares(Instant paidBefore, int limit) {
		return this.jdbc.sql("""
				select s.*, o.event_id, o.paid_at from sale_share s join shop_order o on o.id = s.order_id
				join payout_account p on p.account_id = s.account_id and p.ready
				where s.status = 'DUE' and o.status in ('PAID', 'PARTIALLY_REFUNDED') and o.paid_at <= ?
				    and o.disputed_at is null
				order by s.created_at limit ?""")
			.params(Timestamp.from(paidBefore), limit)
			.query(ShareRepository::mapShare)
			.list();
	}

	public void cancelShares(UUID orderId) {
		this.jdbc.sql("update sale_share set status = 'CANCELLED' where order_id = ? and status = 'DUE'")
			.param(orderId)
			.update();
	}

	/**
	 * Takes back part of a share paid out (or being paid), after a refund; netted against
	 * the pro's next payouts.
	 * @param share the share
	 * @param amount what is taken back
	 * @param orderRefunded the order's refunded total that makes it (one per refund)
	 * @param now when
	 */
	public void clawBack(SaleShare share, long amount, long orderRefunded, Instant now) {
		this.jdbc.sql("""
				insert into share_clawback (id, share_id, account_id, amount, currency, order_refunded, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (share_id, order_refunded) do nothing""")
			.params(UUID.randomUUID(), share.id(), share.accountId(), amount, share.currency(), orderRefunded,
					Timestamp.from(now))
			.update();
	}

	/**
	 * What was taken back of a share so far.
	 * @param shareId the share
	 * @return the amount
	 */
	public long clawedBack(UUID shareId) {
		return this.jdbc.sql("select coalesce(sum(amount), 0) from share_clawback where share_id = ?")
			.param(shareId)
			.query(Long.class)
			.single();
	}

	/**
	 * The clawbacks of a pro, newest first, for their statement.
	 * @param accountId the pro
	 * @return the clawbacks
	 */
	public List<Clawback> clawbacks(UUID accountId) {
		return this.jdbc.sql("""
				select c.*, s.order_id, s.role, o.event_id from share_clawback c join sale_share s on s.id = c.share_id
				join shop_order o on o.id = s.order_id where c.account_id = ? order by c.created_at desc limit 1000""")
			.param(accountId)
			.query((rs, row) -> new Clawback(rs.getObject("share_id", UUID.class), rs.getObject("order_id", UUID.class),
					rs.getObject("event_id", UUID.class), rs.getString("role"), rs.getLong("amount"),
					rs.getString("currency"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private static SaleShare mapShare(ResultSet rs, int row) throws SQLException {
		return new SaleShare(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("event_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("role"),
				rs.getLong("gross"), rs.getLong("fee"), rs.getLong("amount"), rs.getString("currency"),
				rs.getString("status"), rs.getString("idempotency_key"), rs.getString("transfer_id"),
				rs.getTimestamp("created_at").toInstant());
	}

}

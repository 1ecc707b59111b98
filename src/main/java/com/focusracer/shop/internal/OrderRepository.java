package com.focusracer.shop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.shop.Order;
import com.focusracer.shop.OrderStatus;
import com.focusracer.shop.Resolution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders and their photos. An order moves through {@link Order}'s own state changes; this
 * stores them.
 */
@Repository
public class OrderRepository {

	private static final String ORDER_COLUMNS = "id, event_id, email, language, account_id, bib, resolution, status, "
			+ "amount, currency, refunded_amount, pricing, provider, payment_id, client_secret, links_until, "
			+ "created_at, paid_at, problem_event, problem_amount, problem_currency, problem_at, disputed_at";

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertOrder(Order order, String idempotencyKey, List<OrderItem> items) {
		this.jdbc.sql("""
				insert into shop_order (id, event_id, email, language, account_id, bib, resolution, status,
				    amount, currency, pricing, provider, idempotency_key, payment_id, links_until, created_at, paid_at,
				    updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(order.id(), order.eventId(), order.email(), order.language(), order.accountId(), order.bib(),
					order.resolution().name(), order.status().name(), order.amount(), order.currency(), order.pricing(),
					order.provider(), idempotencyKey, order.paymentId(), SqlValues.timestamp(order.linksUntil()),
					Timestamp.from(order.createdAt()), SqlValues.timestamp(order.paidAt()),
					Timestamp.from(order.createdAt()))
			.update();
		for (OrderItem item : items) {
			this.jdbc.sql(
					"insert into order_item (order_id, photo_id, position, amount, uploader_id) values (?, ?, ?, ?, ?)")
				.params(order.id(), item.photoId(), item.position(), item.amount(), item.uploaderId())
				.update();
		}
	}

	public Optional<Order> order(UUID id) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from shop_order where id = ?")
			.param(id)
			.query(OrderRepository::mapOrder)
			.optional();
	}

	/**
	 * An order, locked until the transaction ends: the one place where concurrent payment
	 * events for one order queue up.
	 */
	public Optional<Order> lockOrder(UUID id) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from shop_order where id = ? for update")
			.param(id)
			.query(OrderRepository::mapOrder)
			.optional();
	}

	public Optional<UUID> orderOfPayment(String paymentId) {
		return this.jdbc.sql("select id from shop_order where payment_id = ?")
			.param(paymentId)
			.query(UUID.class)
			.optional();
	}

	public Optional<UUID> orderOfCharge(String chargeId) {
		return this.jdbc.sql("select id from shop_order where charge_id = ?")
			.param(chargeId)
			.query(UUID.class)
			.optional();
	}

	public String idempotencyKey(UUID id) {
		return this.jdbc.sql("select idempotency_key from shop_order where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	public void setPayment(UUID id, String paymentId, String clientSecret, Instant now) {
		this.jdbc.sql("update shop_order set payment_id = ?, client_secret = ?, updated_at = ? where id = ?")
			.params(paymentId, clientSecret, Timestamp.from(now), id)
			.update();
	}

	public void setStatus(UUID id, OrderStatus status, Instant now) {
		this.jdbc.sql("update shop_order set status = ?, updated_at = ? where id = ?")
			.params(status.name(), Timestamp.from(now), id)
			.update();
	}

	public void setPaid(UUID id, String chargeId, Instant paidAt, Instant linksUntil) {
		this.jdbc.sql("""
				update shop_order set status = 'PAID', charge_id = coalesce(?, charge_id), paid_at = ?, links_until = ?,
				    updated_at = ? where id = ?""")
			.params(chargeId, Timestamp.from(paidAt), Timestamp.from(linksUntil), Timestamp.from(paidAt), id)
			.update();
	}

	/**
	 * Keeps a reported payment that is not the order's, and holds the order.
	 * @param hold whether the order moves to {@code PAYMENT_PROBLEM} (not when it is
	 * already paid)
	 */
	public void setPaymentProblem(UUID id, Order.PaymentProblem problem, boolean hold) {
		this.jdbc.sql("""
				update shop_order set status = case when ? then 'PAYMENT_PROBLEM' else status end,
				    problem_event = ?, problem_amount = ?, problem_currency = ?, problem_at = ?, updated_at = ?
				where id = ?""")
			.params(hold, problem.eventId(), problem.amount(), problem.currency(), Timestamp.from(problem.at()),
					Timestamp.from(problem.at()), id)
			.update();
	}

	public void setRefunded(UUID id, OrderStatus status, long refunded, Instant now) {
		this.jdbc.sql("update shop_order set status = ?, refunded_amount = ?, updated_at = ? where id = ?")
			.params(status.name(), refunded, Timestamp.from(now), id)
			.update();
	}

	/**
	 * Marks an order disputed (keeping the first dispute's time), or no longer.
	 * @param id the order
	 * @param since when the dispute came, {@code null} when it is over
	 */
	public void setDisputed(UUID id, Instant since) {
		this.jdbc
			.sql("update shop_order set disputed_at = case when ? then null else coalesce(disputed_at, ?) end, "
					+ "updated_at = now() where id = ?")
			.params(since == null, SqlValues.timestamp(since), id)
			.update();
	}

	public void setLinksUntil(UUID id, Instant until) {
		this.jdbc.sql("update shop_order set links_until = ? where id = ?").params(Timestamp.from(until), id).update();
	}

	public Optional<String> chargeId(UUID id) {
		return this.jdbc.sql("select charge_id from shop_order where id = ?")
			.param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.single();
	}

	/**
	 * Whether a paid order (refunded in part or not) holds a photo.
	 * @param photoId the photo
	 * @return true when sold
	 */
	public boolean sold(UUID photoId) {
		return this.jdbc.sql("""
				select exists (select 1 from order_item i join shop_order o on o.id = i.order_id
				               where i.photo_id = ? and o.status in ('PAID', 'PARTIALLY_REFUNDED'))""")
			.param(photoId)
			.query(Boolean.class)
			.single();
	}

	public List<OrderItem> items(UUID orderId) {
		return this.jdbc.sql("select * from order_item where order_id = ? order by position")
			.param(orderId)
			.query((rs, row) -> new OrderItem(rs.getObject("photo_id", UUID.class), rs.getInt("position"),
					rs.getLong("amount"), rs.getObject("uploader_id", UUID.class)))
			.list();
	}

	/**
	 * What one runner paid for one event, refunds taken off (for the price cap): the
	 * orders placed with their account, and those placed with their confirmed address.
	 * @param eventId the event
	 * @param accountId the signed-in account
	 * @param confirmedEmail the account's address, which its owner confirmed
	 * @return the amount, in minor units
	 */
	public long alreadyPaid(UUID eventId, UUID accountId, String confirmedEmail) {
		return this.jdbc.sql("""
				select coalesce(sum(amount - refunded_amount), 0) from shop_order
				where event_id = ? and (account_id = ? or lower(email) = lower(?))
				    and status in ('PAID', 'PARTIALLY_REFUNDED')""")
			.params(eventId, accountId, confirmedEmail)
			.query(Long.class)
			.single();
	}

	public List<Order> orders(String filter, int limit) {
		String like = (filter == null || filter.isBlank()) ? "%" : "%" + filter.strip().toLowerCase() + "%";
		return this.jdbc
			.sql("select " + ORDER_COLUMNS
					+ " from shop_order where lower(email) like ? or id::text like ? order by created_at desc limit ?")
			.params(like, like, limit)
			.query(OrderRepository::mapOrder)
			.list();
	}

	public List<Order> ordersOf(UUID accountId, String email) {
		return this.jdbc
			.sql("select " + ORDER_COLUMNS + " from shop_order where account_id = ? or lower(email) = lower(?) "
					+ "order by created_at desc limit 200")
			.params(accountId, email)
			.query(OrderRepository::mapOrder)
			.list();
	}

	private static Order mapOrder(ResultSet rs, int row) throws SQLException {
		return new Order(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("email"),
				rs.getString("language"), rs.getObject("account_id", UUID.class), rs.getString("bib"),
				Resolution.valueOf(rs.getString("resolution")), OrderStatus.valueOf(rs.getString("status")),
				rs.getLong("amount"), rs.getString("currency"), rs.getLong("refunded_amount"), rs.getString("pricing"),
				rs.getString("provider"), rs.getString("payment_id"), rs.getString("client_secret"),
				SqlValues.instant(rs.getTimestamp("links_until")), SqlValues.instant(rs.getTimestamp("created_at")),
				SqlValues.instant(rs.getTimestamp("paid_at")),
				(rs.getString("problem_event") != null) ? new Order.PaymentProblem(rs.getString("problem_event"),
						SqlValues.nullableLong(rs, "problem_amount"), rs.getString("problem_currency"),
						SqlValues.instant(rs.getTimestamp("problem_at"))) : null,
				SqlValues.instant(rs.getTimestamp("disputed_at")));
	}

}

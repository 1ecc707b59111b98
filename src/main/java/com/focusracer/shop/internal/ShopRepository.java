package com.focusracer.shop.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.shop.Invoice;
import com.focusracer.shop.Order;
import com.focusracer.shop.OrderStatus;
import com.focusracer.shop.PriceList;
import com.focusracer.shop.Resolution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shop's tables.
 */
@Repository
public class ShopRepository {

	private static final String ORDER_COLUMNS = "id, event_id, email, language, account_id, bib, resolution, status, "
			+ "amount, currency, refunded_amount, pricing, provider, payment_id, client_secret, links_until, "
			+ "created_at, paid_at, problem_event, problem_amount, problem_currency, problem_at, disputed_at";

	private final JdbcClient jdbc;

	ShopRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PriceList> priceList(UUID eventId) {
		List<PriceList.Pack> packs = this.jdbc.sql("select photos, price from price_pack where event_id = ?")
			.param(eventId)
			.query((rs, row) -> new PriceList.Pack(rs.getInt("photos"), rs.getLong("price")))
			.list();
		return this.jdbc.sql("select * from price_list where event_id = ?")
			.param(eventId)
			.query((rs, row) -> new PriceList(eventId, rs.getString("currency"), rs.getLong("single_price"), packs,
					nullableLong(rs, "all_photos_price"), nullableLong(rs, "web_price"), nullableLong(rs, "runner_cap"),
					rs.getBoolean("free"), rs.getBoolean("sponsor_frame"), rs.getInt("organizer_share_percent")))
			.optional();
	}

	public void savePriceList(PriceList prices, Instant now) {
		this.jdbc.sql("""
				insert into price_list (event_id, currency, single_price, all_photos_price, web_price, runner_cap, free,
				    sponsor_frame, organizer_share_percent, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (event_id) do update set currency = excluded.currency, single_price = excluded.single_price,
				    all_photos_price = excluded.all_photos_price, web_price = excluded.web_price,
				    runner_cap = excluded.runner_cap, free = excluded.free, sponsor_frame = excluded.sponsor_frame,
				    organizer_share_percent = excluded.organizer_share_percent, updated_at = excluded.updated_at""")
			.params(prices.eventId(), prices.currency(), prices.singlePrice(), prices.allPhotosPrice(),
					prices.webPrice(), prices.runnerCap(), prices.free(), prices.sponsorFrame(),
					prices.organizerSharePercent(), Timestamp.from(now))
			.update();
		this.jdbc.sql("delete from price_pack where event_id = ?").param(prices.eventId()).update();
		for (PriceList.Pack pack : prices.packs()) {
			this.jdbc.sql("insert into price_pack (event_id, photos, price) values (?, ?, ?)")
				.params(prices.eventId(), pack.photos(), pack.price())
				.update();
		}
	}

	public void insertOrder(Order order, String idempotencyKey, List<Item> items) {
		this.jdbc.sql("""
				insert into shop_order (id, event_id, email, language, account_id, bib, resolution, status,
				    amount, currency, pricing, provider, idempotency_key, payment_id, links_until, created_at, paid_at,
				    updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(order.id(), order.eventId(), order.email(), order.language(), order.accountId(), order.bib(),
					order.resolution().name(), order.status().name(), order.amount(), order.currency(), order.pricing(),
					order.provider(), idempotencyKey, order.paymentId(), timestamp(order.linksUntil()),
					Timestamp.from(order.createdAt()), timestamp(order.paidAt()), Timestamp.from(order.createdAt()))
			.update();
		for (Item item : items) {
			this.jdbc.sql(
					"insert into order_item (order_id, photo_id, position, amount, uploader_id) values (?, ?, ?, ?, ?)")
				.params(order.id(), item.photoId(), item.position(), item.amount(), item.uploaderId())
				.update();
		}
	}

	public Optional<Order> order(UUID id) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from shop_order where id = ?")
			.param(id)
			.query(ShopRepository::mapOrder)
			.optional();
	}

	/**
	 * An order, locked until the transaction ends: the one place where concurrent payment
	 * events for one order queue up.
	 */
	public Optional<Order> lockOrder(UUID id) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from shop_order where id = ? for update")
			.param(id)
			.query(ShopRepository::mapOrder)
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
			.params(since == null, timestamp(since), id)
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

	public List<Item> items(UUID orderId) {
		return this.jdbc.sql("select * from order_item where order_id = ? order by position")
			.param(orderId)
			.query((rs, row) -> new Item(rs.getObject("photo_id", UUID.class), rs.getInt("position"),
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
			.query(ShopRepository::mapOrder)
			.list();
	}

	public List<Order> ordersOf(UUID accountId, String email) {
		return this.jdbc
			.sql("select " + ORDER_COLUMNS + " from shop_order where account_id = ? or lower(email) = lower(?) "
					+ "order by created_at desc limit 200")
			.params(accountId, email)
			.query(ShopRepository::mapOrder)
			.list();
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

	public List<PaymentEventRow> paymentEvents(String status, int limit) {
		return this.jdbc.sql("""
				select id, provider, type, order_id, status, error, left(payload, 2000) as payload, received_at
				from payment_event where status = ? order by received_at desc limit ?""")
			.params(status, limit)
			.query((rs, row) -> new PaymentEventRow(rs.getString("id"), rs.getString("provider"), rs.getString("type"),
					rs.getObject("order_id", UUID.class), rs.getString("status"), rs.getString("error"),
					rs.getString("payload"), rs.getTimestamp("received_at").toInstant()))
			.list();
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

	public List<Share> shares(UUID accountId) {
		return this.jdbc.sql("""
				select s.*, o.event_id, o.paid_at from sale_share s join shop_order o on o.id = s.order_id
				where s.account_id = ? order by s.created_at desc limit 1000""")
			.param(accountId)
			.query(ShopRepository::mapShare)
			.list();
	}

	/**
	 * The shares of one sale.
	 */
	public List<Share> sharesOf(UUID orderId) {
		return this.jdbc.sql("""
				select s.*, o.event_id, o.paid_at from sale_share s join shop_order o on o.id = s.order_id
				where s.order_id = ?""").param(orderId).query(ShopRepository::mapShare).list();
	}

	/**
	 * The shares due to pros whose Stripe account is ready, of sales paid long enough ago
	 * and not disputed, oldest first.
	 * @param paidBefore only sales paid before this time (the holding period)
	 * @param limit how many at most
	 */
	public List<Share> dueShares(Instant paidBefore, int limit) {
		return this.jdbc.sql("""
				select s.*, o.event_id, o.paid_at from sale_share s join shop_order o on o.id = s.order_id
				join payout_account p on p.account_id = s.account_id and p.ready
				where s.status = 'DUE' and o.status in ('PAID', 'PARTIALLY_REFUNDED') and o.paid_at <= ?
				    and o.disputed_at is null
				order by s.created_at limit ?""")
			.params(Timestamp.from(paidBefore), limit)
			.query(ShopRepository::mapShare)
			.list();
	}

	public void sharePaidOut(UUID shareId, String transferId, Instant now) {
		this.jdbc.sql("update sale_share set status = 'PAID_OUT', transfer_id = ?, paid_out_at = ? where id = ?")
			.params(transferId, Timestamp.from(now), shareId)
			.update();
	}

	public void cancelShares(UUID orderId) {
		this.jdbc.sql("update sale_share set status = 'CANCELLED' where order_id = ? and status = 'DUE'")
			.param(orderId)
			.update();
	}

	public Optional<PayoutAccount> payoutAccount(UUID accountId) {
		return this.jdbc.sql("select * from payout_account where account_id = ?")
			.param(accountId)
			.query((rs, row) -> new PayoutAccount(accountId, rs.getString("stripe_account_id"), rs.getBoolean("ready")))
			.optional();
	}

	public void savePayoutAccount(UUID accountId, String stripeAccountId, boolean ready, Instant now) {
		this.jdbc.sql("""
				insert into payout_account (account_id, stripe_account_id, ready, created_at) values (?, ?, ?, ?)
				on conflict (account_id) do update set stripe_account_id = excluded.stripe_account_id,
				    ready = excluded.ready""").params(accountId, stripeAccountId, ready, Timestamp.from(now)).update();
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

	/**
	 * Takes the next number of an invoice series. The counter row stays locked until the
	 * transaction ends (as with {@code select ... for update}): a concurrent payment
	 * waits for this one, and a rollback gives the number back, so the numbers follow
	 * each other with neither gap nor double.
	 * @param series e.g. {@code FR-2026}
	 * @return 1 for the series' first document, then 2, 3…
	 */
	public long nextInvoiceNumber(String series) {
		return this.jdbc.sql("""
				insert into invoice_counter (series, last_number) values (?, 1)
				on conflict (series) do update set last_number = invoice_counter.last_number + 1
				returning last_number""").param(series).query(Long.class).single();
	}

	public void insertInvoice(Invoice invoice) {
		this.jdbc.sql("""
				insert into invoice (number, kind, order_id, corrects, issued_at, amount, vat_rate_percent, vat_amount,
				    currency)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(invoice.number(), invoice.kind().name(), invoice.orderId(), invoice.corrects(),
					Timestamp.from(invoice.issuedAt()), invoice.amount(), invoice.vatRatePercent(), invoice.vatAmount(),
					invoice.currency())
			.update();
	}

	/**
	 * An order's invoice and credit notes, in the order they were issued.
	 */
	public List<Invoice> invoices(UUID orderId) {
		return this.jdbc.sql("select * from invoice where order_id = ? order by issued_at, number")
			.param(orderId)
			.query((rs, row) -> new Invoice(rs.getString("number"), Invoice.Kind.valueOf(rs.getString("kind")), orderId,
					rs.getString("corrects"), rs.getTimestamp("issued_at").toInstant(), rs.getLong("amount"),
					rs.getInt("vat_rate_percent"), rs.getLong("vat_amount"), rs.getString("currency")))
			.list();
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

	private static Order mapOrder(ResultSet rs, int row) throws SQLException {
		return new Order(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("email"),
				rs.getString("language"), rs.getObject("account_id", UUID.class), rs.getString("bib"),
				Resolution.valueOf(rs.getString("resolution")), OrderStatus.valueOf(rs.getString("status")),
				rs.getLong("amount"), rs.getString("currency"), rs.getLong("refunded_amount"), rs.getString("pricing"),
				rs.getString("provider"), rs.getString("payment_id"), rs.getString("client_secret"),
				instant(rs.getTimestamp("links_until")), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("paid_at")),
				(rs.getString("problem_event") != null)
						? new Order.PaymentProblem(rs.getString("problem_event"), nullableLong(rs, "problem_amount"),
								rs.getString("problem_currency"), instant(rs.getTimestamp("problem_at")))
						: null,
				instant(rs.getTimestamp("disputed_at")));
	}

	private static Share mapShare(ResultSet rs, int row) throws SQLException {
		return new Share(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("event_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("role"),
				rs.getLong("gross"), rs.getLong("fee"), rs.getLong("amount"), rs.getString("currency"),
				rs.getString("status"), rs.getString("idempotency_key"), rs.getString("transfer_id"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * One photo of an order.
	 *
	 * @param photoId the photo
	 * @param position its place in the order
	 * @param amount its part of the price
	 * @param uploaderId the photographer
	 */
	public record Item(UUID photoId, int position, long amount, UUID uploaderId) {

	}

	/**
	 * A provider event as stored.
	 *
	 * @param id the provider's event id
	 * @param provider {@code stripe} or {@code test}
	 * @param type the event type
	 * @param orderId the order it concerned
	 * @param status RECEIVED, HANDLED, IGNORED or UNPARSEABLE
	 * @param error why it could not be handled
	 * @param payload the start of the raw payload
	 * @param receivedAt when it (last) arrived
	 */
	public record PaymentEventRow(String id, String provider, String type, UUID orderId, String status, String error,
			String payload, Instant receivedAt) {

	}

	/**
	 * One beneficiary's share of one sale.
	 *
	 * @param id the id
	 * @param orderId the order
	 * @param eventId its event
	 * @param accountId the beneficiary ({@code null} for the platform)
	 * @param role PLATFORM, PHOTOGRAPHER or ORGANIZER
	 * @param gross the sale amount this share comes from
	 * @param fee the platform fee taken from that amount
	 * @param amount the share
	 * @param currency ISO code
	 * @param status KEPT (platform), DUE, PAID_OUT or CANCELLED
	 * @param idempotencyKey the key of its transfer
	 * @param transferId the Stripe transfer, once paid out
	 * @param createdAt when it was earned
	 */
	public record Share(UUID id, UUID orderId, UUID eventId, UUID accountId, String role, long gross, long fee,
			long amount, String currency, String status, String idempotencyKey, String transferId, Instant createdAt) {

	}

	/**
	 * A Stripe Connect account of a pro.
	 *
	 * @param accountId the pro account
	 * @param stripeAccountId the Express account
	 * @param ready whether onboarding is complete
	 */
	public record PayoutAccount(UUID accountId, String stripeAccountId, boolean ready) {

	}

	/**
	 * A dispute opened by a buyer's bank.
	 *
	 * @param id Stripe's dispute id
	 * @param orderId the order
	 * @param email the buyer
	 * @param amount the disputed amount
	 * @param currency ISO code
	 * @param reason the bank's reason
	 * @param status Stripe's status
	 * @param createdAt when it arrived
	 */
	public record Dispute(String id, UUID orderId, String email, long amount, String currency, String reason,
			String status, Instant createdAt) {

	}

}

package com.focusracer.shop.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sums of closed days' sales by event ({@code shop_sales_day}): a year of dashboard
 * reads a few thousand rows instead of every order. A day is summed up the first time a
 * dashboard asks for it; a refund forgets the day its order was paid (its fees change),
 * so the next read sums it again.
 */
@Repository
public class SalesDays {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** The orders the figures count: paid, partly or wholly refunded later. */
	public static final String SOLD = "o.status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')";

	/** No sale is older. */
	public static final LocalDate BEGINNING = LocalDate.of(2020, 1, 1);

	private final JdbcClient jdbc;

	SalesDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sums up the days of a period not summed up yet.
	 * @param from first day
	 * @param to last day (closed)
	 */
	public void ensure(LocalDate from, LocalDate to) {
		long done = this.jdbc.sql("select count(*) from shop_sales_day_done where day between ? and ?")
			.params(Date.valueOf(from), Date.valueOf(to))
			.query(Long.class)
			.single();
		if (done == ChronoUnit.DAYS.between(from, to) + 1) {
			return;
		}
		this.jdbc.sql("""
				insert into shop_sales_day (day, event_id, orders, gmv, fees)
				select (o.paid_at at time zone 'Europe/Paris')::date, o.event_id, count(*), sum(o.amount),
				       sum(case when o.status = 'REFUNDED' then 0 else coalesce(p.fee, 0) end)
				from shop_order o
				left join sale_share p on p.order_id = o.id and p.role = 'PLATFORM'
				where o.paid_at >= ? and o.paid_at < ? and %s
				  and (o.paid_at at time zone 'Europe/Paris')::date not in
				      (select day from shop_sales_day_done where day between ? and ?)
				group by 1, 2
				on conflict do nothing""".formatted(SOLD))
			.params(start(from), start(to.plusDays(1)), Date.valueOf(from), Date.valueOf(to))
			.update();
		this.jdbc.sql("""
				insert into shop_earnings_day (day, account_id, role, orders, gross, earned)
				select (o.paid_at at time zone 'Europe/Paris')::date, s.account_id, s.role, count(distinct s.order_id),
				       sum(s.gross), sum(s.amount)
				from sale_share s join shop_order o on o.id = s.order_id
				where o.paid_at >= ? and o.paid_at < ? and %s and s.status <> 'CANCELLED'
				  and s.account_id is not null
				  and (o.paid_at at time zone 'Europe/Paris')::date not in
				      (select day from shop_sales_day_done where day between ? and ?)
				group by 1, 2, 3
				on conflict do nothing""".formatted(SOLD))
			.params(start(from), start(to.plusDays(1)), Date.valueOf(from), Date.valueOf(to))
			.update();
		this.jdbc
			.sql("""
					insert into shop_earnings_event_day (event_id, account_id, role, day, orders, gross, earned)
					select o.event_id, s.account_id, coalesce(s.role, 'ALL'), (o.paid_at at time zone 'Europe/Paris')::date,
					       count(distinct s.order_id), sum(s.gross), sum(s.amount)
					from sale_share s join shop_order o on o.id = s.order_id
					where o.paid_at >= ? and o.paid_at < ? and %s and s.status <> 'CANCELLED'
					  and s.account_id is not null
					  and (o.paid_at at time zone 'Europe/Paris')::date not in
					      (select day from shop_sales_day_done where day between ? and ?)
					group by grouping sets ((o.event_id, s.account_id, (o.paid_at at time zone 'Europe/Paris')::date, s.role),
					                        (o.event_id, s.account_id, (o.paid_at at time zone 'Europe/Paris')::date))
					on conflict do nothing"""
				.formatted(SOLD))
			.params(start(from), start(to.plusDays(1)), Date.valueOf(from), Date.valueOf(to))
			.update();
		this.jdbc.sql("""
				insert into shop_sales_day_done (day)
				select d::date from generate_series(cast(? as date), cast(? as date), interval '1 day') d
				on conflict do nothing""").params(Date.valueOf(from), Date.valueOf(to)).update();
	}

	/**
	 * Forgets the sums of the day an order was paid.
	 * @param paidAt when it was paid, or {@code null}
	 */
	public void forget(Instant paidAt) {
		if (paidAt == null) {
			return;
		}
		Date day = Date.valueOf(LocalDate.ofInstant(paidAt, PARIS));
		this.jdbc.sql("delete from shop_sales_day_done where day = ?").param(day).update();
		this.jdbc.sql("delete from shop_sales_day where day = ?").param(day).update();
		this.jdbc.sql("delete from shop_earnings_day where day = ?").param(day).update();
		this.jdbc.sql("delete from shop_earnings_event_day where day = ?").param(day).update();
	}

	/**
	 * What a pro earned by event: closed days from their sums, the days after live.
	 * @param accountId the pro
	 * @param closed the last closed day (summed up)
	 * @param add takes each event's orders, gross and amount (several rows per event)
	 */
	public void earningsByEvent(UUID accountId, LocalDate closed, RowCallbackHandler add) {
		this.jdbc.sql("""
				select event_id, sum(orders) as orders, sum(gross) as gross, sum(earned) as amount
				from shop_earnings_event_day where account_id = ? and role = 'ALL' and day <= ? group by event_id""")
			.params(accountId, java.sql.Date.valueOf(closed))
			.query(add);
		// The last days' orders first (shop_order_paid): a pro with shares in every order
		// would otherwise read all of them through sale_share_account.
		this.jdbc.sql("""
				with recent as materialized (select o.id, o.event_id from shop_order o where o.paid_at >= ? and %s)
				select o.event_id, count(distinct s.order_id) as orders, sum(s.gross) as gross, sum(s.amount) as amount
				from recent o join sale_share s on s.order_id = o.id
				where s.account_id = ? and s.status <> 'CANCELLED'
				group by o.event_id""".formatted(SOLD)).params(start(closed.plusDays(1)), accountId).query(add);
	}

	static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(PARIS).toInstant());
	}

}

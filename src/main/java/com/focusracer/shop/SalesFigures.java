package com.focusracer.shop;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.focusracer.shop.internal.SalesDays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the shop sold, for the dashboards: figures by day (Paris time) between two days,
 * both included, over paid orders (paid, partly or wholly refunded later). Amounts are in
 * minor units of the platform's currency.
 */
@Service
public class SalesFigures {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String SOLD = SalesDays.SOLD;

	private final JdbcClient jdbc;

	private final SalesDays salesDays;

	private final Clock clock;

	SalesFigures(JdbcClient jdbc, SalesDays salesDays, Clock clock) {
		this.jdbc = jdbc;
		this.salesDays = salesDays;
		this.clock = clock;
	}

	/**
	 * Orders, sales, platform fees and refunds by day.
	 * @param from first day
	 * @param to last day
	 * @param eventId one event, or {@code null} for all
	 * @return the days that have any, in order
	 */
	@Transactional
	public List<Day> byDay(LocalDate from, LocalDate to, UUID eventId) {
		Map<LocalDate, long[]> days = new TreeMap<>();
		LocalDate closed = lastClosedDay();
		LocalDate liveFrom = from;
		if (!from.isAfter(closed)) {
			LocalDate cachedTo = to.isAfter(closed) ? closed : to;
			this.salesDays.ensure(from, cachedTo);
			this.jdbc.sql("""
					select day, sum(orders) as orders, sum(gmv) as gmv, sum(fees) as fees from shop_sales_day
					where day between :from and :to %s group by day""".formatted(ofEvent(eventId).replace("o.", "")))
				.param("from", java.sql.Date.valueOf(from))
				.param("to", java.sql.Date.valueOf(cachedTo))
				.param("event", eventId)
				.query((rs) -> {
					long[] day = days.computeIfAbsent(rs.getDate("day").toLocalDate(), (d) -> new long[4]);
					day[0] += rs.getLong("orders");
					day[1] += rs.getLong("gmv");
					day[2] += rs.getLong("fees");
				});
			liveFrom = cachedTo.plusDays(1);
		}
		if (!liveFrom.isAfter(to)) {
			this.jdbc.sql("""
					select (o.paid_at at time zone 'Europe/Paris')::date as day, count(*) as orders,
					       sum(o.amount) as gmv,
					       sum(case when o.status = 'REFUNDED' then 0 else coalesce(p.fee, 0) end) as fees
					from shop_order o
					left join sale_share p on p.order_id = o.id and p.role = 'PLATFORM'
					where o.paid_at >= :from and o.paid_at < :to and %s %s
					group by 1""".formatted(SOLD, ofEvent(eventId)))
				.param("from", start(liveFrom))
				.param("to", start(to.plusDays(1)))
				.param("event", eventId)
				.query((rs) -> {
					long[] day = days.computeIfAbsent(rs.getDate("day").toLocalDate(), (d) -> new long[4]);
					day[0] += rs.getLong("orders");
					day[1] += rs.getLong("gmv");
					day[2] += rs.getLong("fees");
				});
		}
		this.jdbc.sql("""
				select (r.created_at at time zone 'Europe/Paris')::date as day, sum(r.amount) as refunds
				from refund r join shop_order o on o.id = r.order_id
				where r.created_at >= :from and r.created_at < :to and r.failed_at is null %s
				group by 1""".formatted(ofEvent(eventId)))
			.param("from", start(from))
			.param("to", start(to.plusDays(1)))
			.param("event", eventId)
			.query((rs) -> {
				days.computeIfAbsent(rs.getDate("day").toLocalDate(), (d) -> new long[4])[3] += rs.getLong("refunds");
			});
		List<Day> list = new ArrayList<>();
		days.forEach((day, v) -> list.add(new Day(day, v[0], v[1], v[2], v[3])));
		return list;
	}

	/**
	 * The last day whose sums are kept: the day before yesterday (Paris time), so that
	 * what is still being paid never waits in a sum.
	 */
	private LocalDate lastClosedDay() {
		return LocalDate.ofInstant(this.clock.instant(), PARIS).minusDays(2);
	}

	/**
	 * Sales by event.
	 * @param from first day
	 * @param to last day
	 * @return every event that sold, best first
	 */
	@Transactional
	public List<EventSales> byEvent(LocalDate from, LocalDate to) {
		Map<UUID, long[]> events = new LinkedHashMap<>();
		LocalDate closed = lastClosedDay();
		LocalDate liveFrom = from;
		if (!from.isAfter(closed)) {
			LocalDate cachedTo = to.isAfter(closed) ? closed : to;
			this.salesDays.ensure(from, cachedTo);
			this.jdbc.sql("""
					select event_id, sum(orders) as orders, sum(gmv) as gmv from shop_sales_day
					where day between ? and ? group by event_id""")
				.params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(cachedTo))
				.query((rs) -> {
					long[] sold = events.computeIfAbsent(rs.getObject("event_id", UUID.class), (id) -> new long[2]);
					sold[0] += rs.getLong("orders");
					sold[1] += rs.getLong("gmv");
				});
			liveFrom = cachedTo.plusDays(1);
		}
		if (!liveFrom.isAfter(to)) {
			this.jdbc.sql("""
					select o.event_id, count(*) as orders, sum(o.amount) as gmv from shop_order o
					where o.paid_at >= ? and o.paid_at < ? and %s group by o.event_id""".formatted(SOLD))
				.params(start(liveFrom), start(to.plusDays(1)))
				.query((rs) -> {
					long[] sold = events.computeIfAbsent(rs.getObject("event_id", UUID.class), (id) -> new long[2]);
					sold[0] += rs.getLong("orders");
					sold[1] += rs.getLong("gmv");
				});
		}
		return events.entrySet()
			.stream()
			.map((entry) -> new EventSales(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
			.sorted(java.util.Comparator.comparingLong(EventSales::gmv).reversed().thenComparing(EventSales::eventId))
			.toList();
	}

	/**
	 * What each pro earned (shares not cancelled), by role.
	 * @param from first day
	 * @param to last day
	 * @param role {@code PHOTOGRAPHER} or {@code ORGANIZER}
	 * @param eventId one event, or {@code null} for all
	 * @return best first
	 */
	@Transactional
	public List<Earnings> earnings(LocalDate from, LocalDate to, String role, UUID eventId) {
		Map<UUID, long[]> pros = new LinkedHashMap<>();
		LocalDate closed = lastClosedDay();
		LocalDate liveFrom = from;
		if (!from.isAfter(closed)) {
			LocalDate cachedTo = to.isAfter(closed) ? closed : to;
			this.salesDays.ensure(from, cachedTo);
			// One event's from its own sums (shop_earnings_event_day), all events' from
			// the pros' (shop_earnings_day).
			this.jdbc
				.sql("""
						select account_id, sum(orders) as orders, sum(gross) as gross, sum(earned) as amount
						from %s where day between :from and :to and role = :role %s group by account_id""".formatted(
						(eventId != null) ? "shop_earnings_event_day" : "shop_earnings_day",
						ofEvent(eventId).replace("o.", "")))
				.param("from", java.sql.Date.valueOf(from))
				.param("to", java.sql.Date.valueOf(cachedTo))
				.param("role", role)
				.param("event", eventId)
				.query((rs) -> {
					add(pros, rs);
				});
			liveFrom = cachedTo.plusDays(1);
		}
		if (!liveFrom.isAfter(to)) {
			this.jdbc.sql("""
					select s.account_id, count(distinct s.order_id) as orders, sum(s.gross) as gross,
					       sum(s.amount) as amount
					from sale_share s join shop_order o on o.id = s.order_id
					where o.paid_at >= :from and o.paid_at < :to and %s and s.role = :role and s.status <> 'CANCELLED'
					  and s.account_id is not null %s
					group by s.account_id""".formatted(SOLD, ofEvent(eventId)))
				.param("from", start(liveFrom))
				.param("to", start(to.plusDays(1)))
				.param("role", role)
				.param("event", eventId)
				.query((rs) -> {
					add(pros, rs);
				});
		}
		return pros.entrySet()
			.stream()
			.map((e) -> new Earnings(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
			.sorted(java.util.Comparator.comparingLong(Earnings::gross).reversed().thenComparing(Earnings::accountId))
			.toList();
	}

	private static void add(Map<UUID, long[]> pros, java.sql.ResultSet rs) throws java.sql.SQLException {
		long[] pro = pros.computeIfAbsent(rs.getObject("account_id", UUID.class), (id) -> new long[3]);
		pro[0] += rs.getLong("orders");
		pro[1] += rs.getLong("gross");
		pro[2] += rs.getLong("amount");
	}

	/**
	 * An event's sales by what was bought: all photos of a bib, or a number of photos
	 * (single photo, or a pack).
	 * @param eventId the event
	 * @return by number of photos, {@code all photos} ({@code allPhotos}) first
	 */
	@Transactional(readOnly = true)
	public List<PackSales> byPack(UUID eventId) {
		return this.jdbc.sql("""
				with sold as (
				    select o.bib is not null as all_photos, o.amount,
				           (select count(*) from order_item i where i.order_id = o.id) as photos
				    from shop_order o where o.event_id = ? and %s)
				select all_photos, photos, count(*) as orders, sum(amount) as gmv from sold
				group by all_photos, photos order by all_photos desc, photos""".formatted(SOLD))
			.param(eventId)
			.query((rs, n) -> new PackSales(rs.getBoolean("all_photos"), rs.getInt("photos"), rs.getLong("orders"),
					rs.getLong("gmv")))
			.list();
	}

	/**
	 * What the platform owes pros now, what it paid them in a period and the disputes
	 * opened in it.
	 * @param from first day
	 * @param to last day
	 * @param accountId one pro, or {@code null} for all
	 * @return the amounts
	 */
	@Transactional(readOnly = true)
	public PayoutFigures payouts(LocalDate from, LocalDate to, UUID accountId) {
		// A share is due only on a paid order (it is cancelled when the order is
		// refunded).
		long due = this.jdbc
			.sql("select coalesce(sum(amount), 0) from sale_share where status = 'DUE'"
					+ ((accountId != null) ? " and account_id = :account" : ""))
			.param("account", accountId)
			.query(Long.class)
			.single();
		PayoutFigures paid = paidOut(from, to, accountId);
		return new PayoutFigures(due, paid.paid(), paid.disputes());
	}

	/**
	 * What the platform paid pros in a period, and the disputes opened in it.
	 * @param from first day
	 * @param to last day
	 * @return the amounts, {@code due} left at 0
	 */
	@Transactional(readOnly = true)
	public PayoutFigures paidOut(LocalDate from, LocalDate to) {
		return paidOut(from, to, null);
	}

	private PayoutFigures paidOut(LocalDate from, LocalDate to, UUID accountId) {
		long paid = this.jdbc.sql("""
				select coalesce(sum(amount), 0) from payout
				where status = 'DONE' and done_at >= ? and done_at < ?
				  and (cast(? as uuid) is null or account_id = ?)""")
			.params(start(from), start(to.plusDays(1)), accountId, accountId)
			.query(Long.class)
			.single();
		long disputes = this.jdbc.sql("select count(*) from dispute where created_at >= ? and created_at < ?")
			.params(start(from), start(to.plusDays(1)))
			.query(Long.class)
			.single();
		return new PayoutFigures(0, paid, disputes);
	}

	/**
	 * What one pro earned, event by event, since the start: closed days from their sums
	 * ({@code shop_earnings_event_day}), the last two days live.
	 * @param accountId the pro
	 * @return by event, best first
	 */
	@Transactional
	public List<EventEarnings> earningsOf(UUID accountId) {
		LocalDate closed = lastClosedDay();
		this.salesDays.ensure(SalesDays.BEGINNING, closed);
		Map<UUID, long[]> events = new LinkedHashMap<>();
		org.springframework.jdbc.core.RowCallbackHandler add = (rs) -> {
			long[] event = events.computeIfAbsent(rs.getObject("event_id", UUID.class), (id) -> new long[3]);
			event[0] += rs.getLong("orders");
			event[1] += rs.getLong("gross");
			event[2] += rs.getLong("amount");
		};
		this.salesDays.earningsByEvent(accountId, closed, add);
		return events.entrySet()
			.stream()
			.map((e) -> new EventEarnings(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
			.sorted(java.util.Comparator.comparingLong(EventEarnings::earned)
				.reversed()
				.thenComparing(EventEarnings::eventId))
			.toList();
	}

	/**
	 * The event condition, written only when there is one: a generic {@code ? is null or}
	 * would keep PostgreSQL from using the event's index.
	 */
	private static String ofEvent(UUID eventId) {
		return (eventId != null) ? "and o.event_id = :event" : "";
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(PARIS).toInstant());
	}

	/**
	 * One day's sales.
	 *
	 * @param day the day (Paris time)
	 * @param orders orders paid that day
	 * @param gmv what buyers paid for them (before any refund)
	 * @param fees the platform's fees on them (none on an order refunded in full)
	 * @param refunds what was refunded that day, on any order
	 */
	public record Day(LocalDate day, long orders, long gmv, long fees, long refunds) {
	}

	/**
	 * One event's sales.
	 *
	 * @param eventId the event
	 * @param orders paid orders
	 * @param gmv what buyers paid
	 */
	public record EventSales(UUID eventId, long orders, long gmv) {
	}

	/**
	 * A pro's earnings in one role.
	 *
	 * @param accountId the pro
	 * @param orders orders with a share for them
	 * @param gross what buyers paid for their part
	 * @param earned what they get, fees and shares taken out
	 */
	public record Earnings(UUID accountId, long orders, long gross, long earned) {
	}

	/**
	 * A pro's earnings on one event.
	 *
	 * @param eventId the event
	 * @param orders orders with a share for them
	 * @param gross what buyers paid for their part
	 * @param earned what they get, fees and shares taken out
	 */
	public record EventEarnings(UUID eventId, long orders, long gross, long earned) {
	}

	/**
	 * Sales of one kind of purchase.
	 *
	 * @param allPhotos {@code all my photos} of a bib
	 * @param photos photos in each order
	 * @param orders paid orders
	 * @param gmv what buyers paid
	 */
	public record PackSales(boolean allPhotos, int photos, long orders, long gmv) {
	}

	/**
	 * Money owed and paid to pros.
	 *
	 * @param due shares earned, not paid out yet
	 * @param paid paid out in the period
	 * @param disputes disputes opened in the period
	 */
	public record PayoutFigures(long due, long paid, long disputes) {
	}

}

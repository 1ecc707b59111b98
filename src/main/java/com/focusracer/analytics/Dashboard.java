package com.focusracer.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.Role;
import com.focusracer.analytics.internal.Counters;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.StartLists;
import com.focusracer.shop.SalesFigures;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The platform's figures for the admin dashboard: sales from the shop, counts from the
 * daily counters, accounts from the accounts module; each period compared with the one
 * before it.
 */
@Service
public class Dashboard {

	private static final int TOP = 10;

	private final SalesFigures sales;

	private final Counters counters;

	private final AccountManagement accounts;

	private final EventManagement events;

	private final StartLists startLists;

	private final MessageSource messages;

	Dashboard(SalesFigures sales, Counters counters, AccountManagement accounts, EventManagement events,
			StartLists startLists, MessageSource messages) {
		this.startLists = startLists;
		this.sales = sales;
		this.counters = counters;
		this.accounts = accounts;
		this.events = events;
		this.messages = messages;
	}

	/**
	 * The figures of a period.
	 * @param period the period
	 * @param locale the reader's language (the charts' labels)
	 * @return the figures
	 */
	public Figures figures(Period period, Locale locale) {
		Map<LocalDate, Map<String, Long>> counted = this.counters.byDay(period.from(), period.to(), null);
		Map<LocalDate, Map<String, Long>> countedBefore = this.counters.byDay(period.previous().from(),
				period.previous().to(), null);
		SalesFigures.PayoutFigures payouts = this.sales.payouts(period.from(), period.to(), null);
		List<Bucket> buckets = buckets(period, counted);
		List<SalesFigures.EventSales> byEvent = this.sales.byEvent(period.from(), period.to());
		Kpis current = kpis(period, buckets, counted, payouts, byEvent);
		Kpis previous = kpis(period.previous(), buckets(period.previous(), countedBefore), countedBefore,
				this.sales.paidOut(period.previous().from(), period.previous().to()),
				this.sales.byEvent(period.previous().from(), period.previous().to()));
		Map<String, Long> roles = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			roles.put(role.name(), this.accounts.count(null, role));
		}
		List<Ranked> topEvents = new ArrayList<>();
		Map<UUID, long[]> byOwner = new LinkedHashMap<>();
		Map<UUID, Event> named = this.events.getAll(byEvent.stream().map(SalesFigures.EventSales::eventId).toList());
		for (SalesFigures.EventSales sold : byEvent) {
			Event event = named.get(sold.eventId());
			if (topEvents.size() < TOP) {
				topEvents.add(new Ranked((event != null) ? event.name() : sold.eventId().toString(), sold.orders(),
						sold.gmv()));
			}
			if (event != null) {
				long[] totals = byOwner.computeIfAbsent(event.ownerId(), (id) -> new long[2]);
				totals[0] += sold.orders();
				totals[1] += sold.gmv();
			}
		}
		List<Ranked> topOrganizers = byOwner.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
			.limit(TOP)
			.map((entry) -> new Ranked(name(entry.getKey()), entry.getValue()[0], entry.getValue()[1]))
			.toList();
		List<Ranked> topPhotographers = this.sales.earnings(period.from(), period.to(), "PHOTOGRAPHER", null)
			.stream()
			.limit(TOP)
			.map((earned) -> new Ranked(name(earned.accountId()), earned.orders(), earned.gross()))
			.toList();
		return new Figures(period, current, previous, payouts.due(), roles, topEvents, topPhotographers, topOrganizers,
				buckets, charts(buckets, period, new Formats(locale), locale));
	}

	private String name(UUID accountId) {
		return this.accounts.find(accountId).map(Account::displayName).orElse("—");
	}

	private Kpis kpis(Period period, List<Bucket> buckets, Map<LocalDate, Map<String, Long>> counted,
			SalesFigures.PayoutFigures payouts, List<SalesFigures.EventSales> byEvent) {
		// Revenue per participant: the sales of the events that have a start list, over
		// their start-list runners (each event once, whatever the days it sold on).
		Map<UUID, Long> runners = this.startLists
			.counts(byEvent.stream().map(SalesFigures.EventSales::eventId).toList());
		long participants = runners.values().stream().mapToLong(Long::longValue).sum();
		long participantsGmv = byEvent.stream()
			.filter((sold) -> runners.containsKey(sold.eventId()))
			.mapToLong(SalesFigures.EventSales::gmv)
			.sum();
		Map<String, Long> totals = new java.util.HashMap<>();
		counted.values().forEach((day) -> day.forEach((metric, count) -> totals.merge(metric, count, Long::sum)));
		long[] times = this.counters.galleryTimes(period.from(), period.to());
		Map<String, Long> linked = new LinkedHashMap<>();
		for (String source : Metric.SOURCES) {
			linked.put(source, totals.getOrDefault(Metric.linkedBy(source), 0L));
		}
		long searches = 0;
		for (Metric metric : Metric.values()) {
			if (metric.search()) {
				searches += totals.getOrDefault(metric.name(), 0L) + totals.getOrDefault(metric.name() + "_EMPTY", 0L);
			}
		}
		return new Kpis(sum(buckets, Bucket::gmv), sum(buckets, Bucket::fees), sum(buckets, Bucket::orders),
				sum(buckets, Bucket::refunds), totals.getOrDefault(Metric.EVENT_PAGE_VIEW.name(), 0L), searches,
				totals.getOrDefault(Metric.PHOTO_UPLOADED.name(), 0L),
				totals.getOrDefault(Metric.PHOTO_PUBLISHED.name(), 0L), linked,
				(times != null) ? Duration.ofSeconds(times[0]) : null,
				(times != null) ? Duration.ofSeconds(times[1]) : null, payouts.paid(), payouts.disputes(), participants,
				participantsGmv);
	}

	private static long sum(List<Bucket> buckets, java.util.function.ToLongFunction<Bucket> value) {
		return buckets.stream().mapToLong(value).sum();
	}

	/**
	 * The period's days (or months), each with its sales and counts, empty ones included.
	 */
	List<Bucket> buckets(Period period, Map<LocalDate, Map<String, Long>> counted) {
		Map<LocalDate, long[]> values = new TreeMap<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
			values.putIfAbsent(start(day, period), new long[7]);
		}
		for (SalesFigures.Day day : this.sales.byDay(period.from(), period.to(), null)) {
			long[] bucket = values.get(start(day.day(), period));
			bucket[0] += day.gmv();
			bucket[1] += day.fees();
			bucket[2] += day.orders();
			bucket[3] += day.refunds();
		}
		counted.forEach((day, metrics) -> {
			long[] bucket = values.get(start(day, period));
			metrics.forEach((metric, count) -> {
				if (metric.endsWith("SEARCH") || metric.endsWith("SEARCH_EMPTY")) {
					bucket[4] += count;
				}
				else if (metric.equals(Metric.PHOTO_UPLOADED.name())) {
					bucket[5] += count;
				}
				else if (metric.equals(Metric.PHOTO_PUBLISHED.name())) {
					bucket[6] += count;
				}
			});
		});
		List<Bucket> buckets = new ArrayList<>();
		values.forEach((day, v) -> buckets.add(new Bucket(day, v[0], v[1], v[2], v[3], v[4], v[5], v[6])));
		return buckets;
	}

	private static LocalDate start(LocalDate day, Period period) {
		return period.monthly() ? day.withDayOfMonth(1) : day;
	}

	private List<Chart> charts(List<Bucket> buckets, Period period, Formats formats, Locale locale) {
		List<String> labels = buckets.stream()
			.map((bucket) -> period.monthly() ? formats.month(bucket.start()) : formats.day(bucket.start()))
			.toList();
		List<Chart> charts = new ArrayList<>();
		charts.add(chart("chart-gmv", "dashboard.chart.gmv", labels, buckets, Bucket::gmv, true, formats, locale));
		charts.add(chart("chart-orders", "dashboard.chart.orders", labels, buckets, Bucket::orders, false, formats,
				locale));
		charts.add(chart("chart-searches", "dashboard.chart.searches", labels, buckets, Bucket::searches, false,
				formats, locale));
		charts.add(chart("chart-uploads", "dashboard.chart.uploads", labels, buckets, Bucket::uploaded, false, formats,
				locale));
		return charts;
	}

	private Chart chart(String id, String key, List<String> labels, List<Bucket> buckets,
			java.util.function.ToLongFunction<Bucket> value, boolean money, Formats formats, Locale locale) {
		List<Long> values = buckets.stream().map(value::applyAsLong).toList();
		List<String> shown = values.stream().map((v) -> money ? formats.money(v) : formats.number(v)).toList();
		return Chart.bars(id, this.messages.getMessage(key, null, locale),
				this.messages.getMessage(key + ".value", null, locale), labels, values, shown);
	}

	/**
	 * The dashboard.
	 *
	 * @param period the period shown
	 * @param current its figures
	 * @param previous those of the period before
	 * @param payoutsDue what is owed to pros now
	 * @param accountsByRole accounts by role
	 * @param topEvents events by sales
	 * @param topPhotographers photographers by sales of their photos
	 * @param topOrganizers organizers (event owners) by sales of their events
	 * @param buckets the days or months of the period
	 * @param charts the charts
	 */
	public record Figures(Period period, Kpis current, Kpis previous, long payoutsDue, Map<String, Long> accountsByRole,
			List<Ranked> topEvents, List<Ranked> topPhotographers, List<Ranked> topOrganizers, List<Bucket> buckets,
			List<Chart> charts) {
	}

	/**
	 * A period's key figures.
	 *
	 * @param gmv what buyers paid (minor units)
	 * @param fees the platform's net revenue: its fees
	 * @param orders paid orders
	 * @param refunds refunded
	 * @param pageViews event page views
	 * @param searches searches, with or without results
	 * @param uploaded photos uploaded
	 * @param published photos published (first time)
	 * @param linked published photos linked by each source
	 * @param galleryP50 median time from upload to gallery
	 * @param galleryP95 95th percentile of it
	 * @param paidOut paid out to pros
	 * @param disputes disputes opened
	 * @param participants start-list runners of the events that sold and have a start
	 * list
	 * @param participantsGmv the sales of those events in the period
	 */
	public record Kpis(long gmv, long fees, long orders, long refunds, long pageViews, long searches, long uploaded,
			long published, Map<String, Long> linked, Duration galleryP50, Duration galleryP95, long paidOut,
			long disputes, long participants, long participantsGmv) {

		/**
		 * Sales per start-list runner, of the events that have a start list.
		 * @return minor units, 0 without runners
		 */
		public long revenuePerParticipant() {
			return (this.participants > 0) ? Math.round((double) this.participantsGmv / this.participants) : 0;
		}

		public long averageOrder() {
			return (this.orders > 0) ? Math.round((double) this.gmv / this.orders) : 0;
		}

		/**
		 * Orders per search.
		 * @return between 0 and 1 (or more when buyers did not search)
		 */
		public double conversion() {
			return (this.searches > 0) ? (double) this.orders / this.searches : 0;
		}

		public double disputeRate() {
			return (this.orders > 0) ? (double) this.disputes / this.orders : 0;
		}

	}

	/**
	 * One line of a ranking.
	 *
	 * @param name the event's or the pro's name
	 * @param orders paid orders
	 * @param amount sales
	 */
	public record Ranked(String name, long orders, long amount) {
	}

	/**
	 * One day (or month) of the period.
	 *
	 * @param start its first day
	 * @param gmv sales
	 * @param fees platform fees
	 * @param orders paid orders
	 * @param refunds refunded
	 * @param searches searches
	 * @param uploaded photos uploaded
	 * @param published photos published
	 */
	public record Bucket(LocalDate start, long gmv, long fees, long orders, long refunds, long searches, long uploaded,
			long published) {
	}

}

package com.focusracer.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.analytics.internal.Counters;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.photos.PhotoFigures;
import com.focusracer.recognition.Coverage;
import com.focusracer.recognition.EventCoverage;
import com.focusracer.shop.SalesFigures;

import org.springframework.stereotype.Service;

/**
 * An event's statistics for its team (owner and photographers), since the event was
 * created, and the overview of a pro's events.
 */
@Service
public class EventStatistics {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** Sales and counts before this day do not exist. */
	static final LocalDate BEGINNING = LocalDate.of(2020, 1, 1);

	private final EventManagement events;

	private final PhotoFigures photos;

	private final SalesFigures sales;

	private final EventCoverage coverage;

	private final Counters counters;

	private final AccountManagement accounts;

	EventStatistics(EventManagement events, PhotoFigures photos, SalesFigures sales, EventCoverage coverage,
			Counters counters, AccountManagement accounts) {
		this.events = events;
		this.photos = photos;
		this.sales = sales;
		this.coverage = coverage;
		this.counters = counters;
		this.accounts = accounts;
	}

	/**
	 * The statistics of an event the caller works on.
	 * @param eventId the event
	 * @param accountId the caller
	 * @param today the day it is
	 * @return the statistics
	 * @throws EventNotFoundException when the caller is not in the event's team
	 */
	public Stats of(UUID eventId, UUID accountId, LocalDate today) {
		Event event = this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		Map<UUID, String> names = new LinkedHashMap<>();
		List<Photographer> photographers = new ArrayList<>();
		Map<UUID, SalesFigures.Earnings> earned = new LinkedHashMap<>();
		for (SalesFigures.Earnings earning : this.sales.earnings(BEGINNING, today, "PHOTOGRAPHER", eventId)) {
			earned.put(earning.accountId(), earning);
		}
		SalesFigures.Earnings asPhotographer = earned.get(accountId);
		for (PhotoFigures.ByPhotographer by : this.photos.byPhotographer(eventId)) {
			SalesFigures.Earnings sold = earned.remove(by.uploaderId());
			photographers.add(new Photographer(name(names, by.uploaderId()), by.uploaded(), by.published(),
					(sold != null) ? sold.orders() : 0, (sold != null) ? sold.gross() : 0,
					(sold != null) ? sold.earned() : 0));
		}
		earned.values()
			.forEach((sold) -> photographers.add(
					new Photographer(name(names, sold.accountId()), 0, 0, sold.orders(), sold.gross(), sold.earned())));
		List<SalesFigures.Earnings> organizer = this.sales.earnings(BEGINNING, today, "ORGANIZER", eventId);
		long organizerShare = organizer.stream().mapToLong(SalesFigures.Earnings::earned).sum();
		long yours = organizer.stream()
			.filter((e) -> e.accountId().equals(accountId))
			.mapToLong(SalesFigures.Earnings::earned)
			.sum();
		yours += (asPhotographer != null) ? asPhotographer.earned() : 0;
		List<SalesFigures.Day> days = this.sales.byDay(BEGINNING, today, eventId);
		Map<String, Long> funnel = this.counters.totals(BEGINNING, today, List.of(eventId));
		Coverage covered = this.coverage.of(eventId, accountId);
		return new Stats(event, photographers, this.photos.byHour(eventId), covered, funnel, this.sales.byPack(eventId),
				days, organizerShare, yours);
	}

	/**
	 * The overview of the events a pro works on.
	 * @param accountId the pro
	 * @param today the day it is
	 * @return one line per event, newest first
	 */
	public List<EventLine> overview(UUID accountId, LocalDate today) {
		List<Event> mine = this.events.forAccount(accountId, true);
		Map<UUID, SalesFigures.EventEarnings> earned = new LinkedHashMap<>();
		this.sales.earningsOf(accountId).forEach((e) -> earned.put(e.eventId(), e));
		Map<UUID, SalesFigures.EventSales> sold = new LinkedHashMap<>();
		this.sales.byEvent(BEGINNING, today).forEach((s) -> sold.put(s.eventId(), s));
		List<String> shown = new ArrayList<>(List.of(Metric.EVENT_PAGE_VIEW.name(), Metric.PHOTO_UPLOADED.name()));
		for (Metric metric : Metric.values()) {
			if (metric.search()) {
				shown.add(metric.name());
				shown.add(metric.name() + "_EMPTY");
			}
		}
		Map<UUID, Map<String, Long>> counted = this.counters.totalsByEvent(BEGINNING, today,
				mine.stream().map(Event::id).toList(), shown);
		List<EventLine> lines = new ArrayList<>();
		for (Event event : mine) {
			Map<String, Long> funnel = counted.getOrDefault(event.id(), Map.of());
			SalesFigures.EventSales sales = sold.get(event.id());
			SalesFigures.EventEarnings earnings = earned.get(event.id());
			lines.add(new EventLine(event, funnel.getOrDefault(Metric.EVENT_PAGE_VIEW.name(), 0L), searches(funnel),
					funnel.getOrDefault(Metric.PHOTO_UPLOADED.name(), 0L), (sales != null) ? sales.orders() : 0,
					(sales != null) ? sales.gmv() : 0, (earnings != null) ? earnings.earned() : 0));
		}
		return lines;
	}

	static long searches(Map<String, Long> funnel) {
		long searches = 0;
		for (Metric metric : Metric.values()) {
			if (metric.search()) {
				searches += funnel.getOrDefault(metric.name(), 0L) + funnel.getOrDefault(metric.name() + "_EMPTY", 0L);
			}
		}
		return searches;
	}

	private String name(Map<UUID, String> names, UUID accountId) {
		return names.computeIfAbsent(accountId, (id) -> this.accounts.find(id).map(Account::displayName).orElse("—"));
	}

	/**
	 * An event's statistics.
	 *
	 * @param event the event
	 * @param photographers uploads and sales by photographer
	 * @param hours photos by hour taken
	 * @param coverage how well photos are linked to runners
	 * @param funnel the counters by metric
	 * @param packs sales by kind of purchase
	 * @param days sales by day
	 * @param organizerShare the organizer's share of the sales
	 * @param yours what the caller earns, fees taken out
	 */
	public record Stats(Event event, List<Photographer> photographers, List<PhotoFigures.ByHour> hours,
			Coverage coverage, Map<String, Long> funnel, List<SalesFigures.PackSales> packs,
			List<SalesFigures.Day> days, long organizerShare, long yours) {

		public long count(Metric metric) {
			return this.funnel.getOrDefault(metric.name(), 0L);
		}

		/**
		 * A search metric with and without results.
		 * @param metric the search
		 * @return all searches of that kind
		 */
		public long searches(Metric metric) {
			return count(metric) + this.funnel.getOrDefault(metric.name() + "_EMPTY", 0L);
		}

		public long orders() {
			return this.days.stream().mapToLong(SalesFigures.Day::orders).sum();
		}

		public long gmv() {
			return this.days.stream().mapToLong(SalesFigures.Day::gmv).sum();
		}

		public long fees() {
			return this.days.stream().mapToLong(SalesFigures.Day::fees).sum();
		}

	}

	/**
	 * One photographer's line.
	 *
	 * @param name their name
	 * @param uploaded photos uploaded
	 * @param published of which published
	 * @param orders orders with their photos
	 * @param gross what buyers paid for their photos
	 * @param earned what they get, fees and organizer's share taken out
	 */
	public record Photographer(String name, long uploaded, long published, long orders, long gross, long earned) {
	}

	/**
	 * One event of a pro's overview.
	 *
	 * @param event the event
	 * @param pageViews page views
	 * @param searches searches
	 * @param uploaded photos uploaded
	 * @param orders paid orders
	 * @param gmv sales
	 * @param yours what the pro earns on it
	 */
	public record EventLine(Event event, long pageViews, long searches, long uploaded, long orders, long gmv,
			long yours) {
	}

}

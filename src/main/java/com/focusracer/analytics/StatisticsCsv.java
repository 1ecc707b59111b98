package com.focusracer.analytics;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Map;

import com.focusracer.photos.PhotoFigures;
import com.focusracer.shop.SalesFigures;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV exports of the dashboard and of an event's statistics: the same figures as the
 * pages, one section after the other ({@code section,key,value...}), amounts in minor
 * units, days in ISO format. Written line by line to the response (RFC 4180 through
 * Commons CSV); a name a spreadsheet would run as a formula is prefixed with an
 * apostrophe.
 */
public final class StatisticsCsv {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

	private final CSVPrinter out;

	public StatisticsCsv(Writer out) throws IOException {
		this.out = new CSVPrinter(out, FORMAT);
	}

	/**
	 * Writes the dashboard.
	 * @param figures its figures
	 * @throws IOException when the client went away
	 */
	public void dashboard(Dashboard.Figures figures) throws IOException {
		row("section", "key", "current", "previous");
		row("period", "from", figures.period().from(), figures.period().previous().from());
		row("period", "to", figures.period().to(), figures.period().previous().to());
		Dashboard.Kpis now = figures.current();
		Dashboard.Kpis before = figures.previous();
		row("kpi", "gmv", now.gmv(), before.gmv());
		row("kpi", "fees", now.fees(), before.fees());
		row("kpi", "orders", now.orders(), before.orders());
		row("kpi", "averageOrder", now.averageOrder(), before.averageOrder());
		row("kpi", "revenuePerParticipant", now.revenuePerParticipant(), before.revenuePerParticipant());
		row("kpi", "participants", now.participants(), before.participants());
		row("kpi", "pageViews", now.pageViews(), before.pageViews());
		row("kpi", "searches", now.searches(), before.searches());
		row("kpi", "conversion", now.conversion(), before.conversion());
		row("kpi", "refunds", now.refunds(), before.refunds());
		row("kpi", "disputes", now.disputes(), before.disputes());
		row("kpi", "paidOut", now.paidOut(), before.paidOut());
		row("kpi", "payoutsDue", figures.payoutsDue(), "");
		row("kpi", "photosUploaded", now.uploaded(), before.uploaded());
		row("kpi", "photosPublished", now.published(), before.published());
		for (Map.Entry<String, Long> linked : now.linked().entrySet()) {
			row("kpi", "linked" + linked.getKey(), linked.getValue(), before.linked().get(linked.getKey()));
		}
		row("kpi", "galleryP50Seconds", seconds(now.galleryP50()), seconds(before.galleryP50()));
		row("kpi", "galleryP95Seconds", seconds(now.galleryP95()), seconds(before.galleryP95()));
		for (Map.Entry<String, Long> role : figures.accountsByRole().entrySet()) {
			row("accounts", role.getKey(), role.getValue(), "");
		}
		row("section", "day", "gmv", "fees", "orders", "refunds", "searches", "uploaded", "published");
		for (Dashboard.Bucket b : figures.buckets()) {
			row("series", b.start(), b.gmv(), b.fees(), b.orders(), b.refunds(), b.searches(), b.uploaded(),
					b.published());
		}
		row("section", "name", "orders", "amount");
		ranked("topEvent", figures.topEvents());
		ranked("topPhotographer", figures.topPhotographers());
		ranked("topOrganizer", figures.topOrganizers());
		this.out.flush();
	}

	/**
	 * Writes an event's statistics.
	 * @param stats the statistics
	 * @throws IOException when the client went away
	 */
	public void event(EventStatistics.Stats stats) throws IOException {
		row("section", "key", "value");
		row("event", "name", stats.event().name());
		for (Metric metric : Metric.values()) {
			row("funnel", metric.name(), stats.count(metric));
		}
		row("coverage", "publishedPhotos", stats.coverage().publishedPhotos());
		row("coverage", "linkedPhotos", stats.coverage().linkedPhotos());
		row("coverage", "runners", stats.coverage().runners());
		row("coverage", "runnersWithPhotos", stats.coverage().runnersWithPhotos());
		row("sales", "orders", stats.orders());
		row("sales", "gmv", stats.gmv());
		row("sales", "fees", stats.fees());
		row("sales", "organizerShare", stats.organizerShare());
		row("sales", "yours", stats.yours());
		row("section", "photographer", "uploaded", "published", "orders", "gross", "earned");
		for (EventStatistics.Photographer p : stats.photographers()) {
			row("photographer", p.name(), p.uploaded(), p.published(), p.orders(), p.gross(), p.earned());
		}
		row("section", "hour", "photos");
		for (PhotoFigures.ByHour hour : stats.hours()) {
			row("hour", hour.hour(), hour.photos());
		}
		row("section", "pack", "photos", "orders", "gmv");
		for (SalesFigures.PackSales pack : stats.packs()) {
			row("pack", pack.allPhotos() ? "ALL_PHOTOS" : "PHOTOS", pack.photos(), pack.orders(), pack.gmv());
		}
		row("section", "day", "orders", "gmv", "fees", "refunds");
		for (SalesFigures.Day day : stats.days()) {
			row("day", day.day(), day.orders(), day.gmv(), day.fees(), day.refunds());
		}
		this.out.flush();
	}

	/**
	 * Writes a pro's overview.
	 * @param lines one per event
	 * @throws IOException when the client went away
	 */
	public void overview(java.util.List<EventStatistics.EventLine> lines) throws IOException {
		row("event", "date", "pageViews", "searches", "uploaded", "orders", "gmv", "yours");
		for (EventStatistics.EventLine line : lines) {
			row(line.event().name(), line.event().date(), line.pageViews(), line.searches(), line.uploaded(),
					line.orders(), line.gmv(), line.yours());
		}
		this.out.flush();
	}

	private void ranked(String section, java.util.List<Dashboard.Ranked> ranked) throws IOException {
		for (Dashboard.Ranked line : ranked) {
			row(section, line.name(), line.orders(), line.amount());
		}
	}

	private static Object seconds(java.time.Duration duration) {
		return (duration != null) ? duration.toSeconds() : "";
	}

	private void row(Object... fields) throws IOException {
		this.out.printRecord(Arrays.stream(fields).map(StatisticsCsv::neutralised).toArray());
	}

	static Object neutralised(Object field) {
		if (field instanceof Number) {
			return field;
		}
		String text = (field != null) ? field.toString() : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return text;
	}

}

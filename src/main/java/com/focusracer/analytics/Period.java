package com.focusracer.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a dashboard shows, both included, and the kind of period they were asked as.
 *
 * @param kind {@code 7d}, {@code 30d}, {@code 12m} or {@code custom}
 * @param from first day
 * @param to last day
 */
public record Period(String kind, LocalDate from, LocalDate to) {

	/** The longest custom period: a dashboard is not an export of the whole history. */
	static final long MAX_DAYS = 3 * 366;

	/**
	 * The period a request asks for; 30 days by default, and for a custom period that
	 * does not parse or runs backwards.
	 * @param kind the kind asked
	 * @param from a custom first day ({@code yyyy-MM-dd})
	 * @param to a custom last day
	 * @param today the day it is
	 * @return the period
	 */
	public static Period of(String kind, String from, String to, LocalDate today) {
		String asked = (kind != null) ? kind : "30d";
		switch (asked) {
			case "7d":
				return new Period(asked, today.minusDays(6), today);
			case "12m":
				return new Period(asked, today.minusMonths(12).plusDays(1), today);
			case "custom":
				try {
					LocalDate start = LocalDate.parse(from);
					LocalDate end = LocalDate.parse(to);
					if (!end.isBefore(start) && ChronoUnit.DAYS.between(start, end) < MAX_DAYS) {
						return new Period(asked, start, end);
					}
				}
				catch (DateTimeParseException | NullPointerException ex) {
					// falls back to the default below
				}
				return new Period("30d", today.minusDays(29), today);
			default:
				return new Period("30d", today.minusDays(29), today);
		}
	}

	/**
	 * The period of the same length just before this one.
	 * @return the previous period
	 */
	public Period previous() {
		long days = days();
		return new Period(this.kind, this.from.minusDays(days), this.from.minusDays(1));
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/**
	 * Whether its charts count by month rather than by day.
	 * @return true past two months
	 */
	public boolean monthly() {
		return days() > 62;
	}

}

package com.focusracer.analytics;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers, amounts and days as the page's reader writes them (French by default:
 * {@code 1 234,50 €} and {@code 01/12/2026}). The CSV exports use plain numbers instead.
 *
 * @param locale the page's language
 */
public record Formats(Locale locale) {

	public String number(long value) {
		return NumberFormat.getIntegerInstance(this.locale).format(value);
	}

	/**
	 * An amount in minor units of the platform's currency.
	 * @param cents the amount
	 * @return e.g. {@code 12,00 €}
	 */
	public String money(long cents) {
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(Currency.getInstance("EUR"));
		return format.format(cents / 100.0);
	}

	/**
	 * A share.
	 * @param share between 0 and 1
	 * @return e.g. {@code 12,5 %}
	 */
	public String percent(double share) {
		NumberFormat format = NumberFormat.getPercentInstance(this.locale);
		format.setMaximumFractionDigits(1);
		return format.format(share);
	}

	/**
	 * How a figure moved from the previous period.
	 * @param now this period's value
	 * @param before the previous period's value
	 * @return e.g. {@code +12,5 %}, or a dash when there was nothing before
	 */
	public String change(double now, double before) {
		if (before == 0) {
			return (now == 0) ? "=" : "—";
		}
		NumberFormat format = NumberFormat.getPercentInstance(this.locale);
		format.setMaximumFractionDigits(1);
		double change = (now - before) / before;
		return ((change > 0) ? "+" : "") + format.format(change);
	}

	public String day(LocalDate day) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(this.locale).format(day);
	}

	/**
	 * A month, for monthly charts.
	 * @param month its first day
	 * @return e.g. {@code déc. 2026}
	 */
	public String month(LocalDate month) {
		return DateTimeFormatter.ofPattern("MMM yyyy", this.locale).format(month);
	}

	/**
	 * A time from upload to gallery.
	 * @param duration the time, or {@code null}
	 * @return e.g. {@code 2 min 05 s}, or a dash
	 */
	public String duration(Duration duration) {
		if (duration == null) {
			return "—";
		}
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return "%d min %02d s".formatted(seconds / 60, seconds % 60);
		}
		return "%d h %02d min".formatted(seconds / 3600, (seconds % 3600) / 60);
	}

}

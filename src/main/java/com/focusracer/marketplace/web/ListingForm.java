package com.focusracer.marketplace.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.focusracer.marketplace.ListingDraft;
import com.focusracer.marketplace.MarketplaceException;

/**
 * The listing form as entered: texts as typed, rows of positions (rows without a role are
 * left out).
 *
 * @param title the title
 * @param description more
 * @param region where
 * @param fee the fixed fee in euros, as typed
 * @param share the revenue share in percent, as typed
 * @param applyUntil the last day to apply
 * @param positions the rows
 */
public record ListingForm(String title, String description, String region, String fee, String share, String applyUntil,
		List<Row> positions) {

	/** Rows shown in the form. */
	static final int ROWS = 4;

	/**
	 * One position row as typed.
	 *
	 * @param role the kind of work
	 * @param spot the spot
	 * @param km km from the start
	 * @param wanted how many
	 * @param date the day
	 * @param from from
	 * @param until until
	 * @param experience expected experience
	 * @param description more
	 */
	public record Row(String role, String spot, String km, String wanted, String date, String from, String until,
			String experience, String description) {

	}

	static ListingForm empty(LocalDate applyUntil) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Row("", "", "", "1", "", "", "", "", ""));
		}
		return new ListingForm("", "", "", "", "", applyUntil.toString(), rows);
	}

	static ListingForm of(String title, String description, String region, String fee, String share, String applyUntil,
			List<String> role, List<String> spot, List<String> km, List<String> wanted, List<String> date,
			List<String> from, List<String> until, List<String> experience, List<String> positionDescription) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < Math.max(ROWS, size(role)); i++) {
			rows.add(new Row(at(role, i), at(spot, i), at(km, i), at(wanted, i), at(date, i), at(from, i), at(until, i),
					at(experience, i), at(positionDescription, i)));
		}
		return new ListingForm(nz(title), nz(description), nz(region), nz(fee), nz(share), nz(applyUntil), rows);
	}

	ListingDraft draft(UUID eventId) {
		List<ListingDraft.PositionDraft> drafts = new ArrayList<>();
		for (Row row : this.positions) {
			if (row.role().isBlank()) {
				continue;
			}
			drafts
				.add(new ListingDraft.PositionDraft(row.role(), row.spot(), decimal(row.km()), number(row.wanted(), 1),
						day(row.date()), time(row.from()), time(row.until()), row.experience(), row.description()));
		}
		BigDecimal euros = decimal(this.fee);
		Long cents = (euros != null) ? euros.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValue()
				: null;
		Integer percent = this.share.isBlank() ? null : number(this.share, 0);
		return new ListingDraft(eventId, this.title, this.description, this.region, cents, percent,
				day(this.applyUntil), drafts);
	}

	private static int size(List<String> values) {
		return (values != null) ? values.size() : 0;
	}

	private static String at(List<String> values, int index) {
		return (values != null && index < values.size() && values.get(index) != null) ? values.get(index) : "";
	}

	private static String nz(String value) {
		return (value != null) ? value : "";
	}

	private static BigDecimal decimal(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(',', '.').replace(" ", ""));
		}
		catch (NumberFormatException ex) {
			throw new MarketplaceException("marketplace.form.number", value);
		}
	}

	private static int number(String value, int fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new MarketplaceException("marketplace.form.number", value);
		}
	}

	private static LocalDate day(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new MarketplaceException("marketplace.form.date", value);
		}
	}

	private static LocalTime time(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new MarketplaceException("marketplace.form.time", value);
		}
	}

}

package com.focusracer.events.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.Visibility;

/**
 * The event form as posted; strings so that a bad value is shown back as typed.
 *
 * @param name the name
 * @param date the date, {@code YYYY-MM-DD}
 * @param location the place
 * @param sport the sport
 * @param description the description
 * @param visibility the visibility
 * @param faceSearch "on" when ticked
 * @param faceDataRetentionDays the retention in days
 * @param watermarkText the watermark text
 * @param primaryColor the colour
 * @param sponsorText the sponsor line
 * @param publicFullNames "on" when the public search shows full names
 */
public record EventForm(String name, String date, String location, String sport, String description, String visibility,
		String faceSearch, String faceDataRetentionDays, String watermarkText, String primaryColor, String sponsorText,
		String publicFullNames) {

	public static EventForm empty() {
		return new EventForm("", "", "", "", "", "PUBLIC", null, "30", "", "#E8542F", "", null);
	}

	public static EventForm of(Event event) {
		return new EventForm(event.name(), event.date().toString(), event.location(), nz(event.sport()),
				nz(event.description()), event.visibility().name(), event.faceSearch() ? "on" : null,
				Integer.toString(event.faceDataRetentionDays()), nz(event.watermarkText()),
				(event.primaryColor() != null) ? event.primaryColor() : "#E8542F", nz(event.sponsorText()),
				event.publicFullNames() ? "on" : null);
	}

	public boolean faceSearchOn() {
		return "on".equals(this.faceSearch) || "true".equals(this.faceSearch);
	}

	public boolean fullNamesOn() {
		return "on".equals(this.publicFullNames) || "true".equals(this.publicFullNames);
	}

	public EventDraft draft() {
		LocalDate day;
		try {
			day = (this.date == null || this.date.isBlank()) ? null : LocalDate.parse(this.date);
		}
		catch (DateTimeParseException ex) {
			day = null;
		}
		Integer retention;
		try {
			retention = (this.faceDataRetentionDays == null || this.faceDataRetentionDays.isBlank()) ? null
					: Integer.valueOf(this.faceDataRetentionDays.strip());
		}
		catch (NumberFormatException ex) {
			retention = -1;
		}
		Visibility seen;
		try {
			seen = Visibility.valueOf(this.visibility);
		}
		catch (RuntimeException ex) {
			seen = Visibility.PUBLIC;
		}
		return new EventDraft(this.name, day, this.location, this.sport, this.description, seen, faceSearchOn(),
				retention, this.watermarkText, this.primaryColor, this.sponsorText, fullNamesOn());
	}

	private static String nz(String value) {
		return (value != null) ? value : "";
	}

}

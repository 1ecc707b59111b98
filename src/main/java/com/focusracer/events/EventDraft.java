package com.focusracer.events;

import java.time.LocalDate;

/**
 * What a pro user enters to create or edit an event.
 *
 * @param name the name
 * @param date the day
 * @param location the place
 * @param sport the sport, optional
 * @param description the description, optional
 * @param visibility who sees the gallery, {@code PUBLIC} when {@code null}
 * @param faceSearch whether face features are on
 * @param faceDataRetentionDays 1–365, 30 when {@code null}
 * @param watermarkText the watermark text, optional
 * @param primaryColor the brand colour {@code #RRGGBB}, optional
 * @param sponsorText the sponsor line, optional
 * @param publicFullNames whether the public search shows full names (else first name and
 * initial)
 */
public record EventDraft(String name, LocalDate date, String location, String sport, String description,
		Visibility visibility, boolean faceSearch, Integer faceDataRetentionDays, String watermarkText,
		String primaryColor, String sponsorText, boolean publicFullNames) {

	public EventDraft(String name, LocalDate date, String location, String sport, String description,
			Visibility visibility, boolean faceSearch, Integer faceDataRetentionDays, String watermarkText,
			String primaryColor, String sponsorText) {
		this(name, date, location, sport, description, visibility, faceSearch, faceDataRetentionDays, watermarkText,
				primaryColor, sponsorText, false);
	}

}

package com.focusracer.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A race (or any sports event) whose photos are sold.
 *
 * @param id the id
 * @param ownerId the account that created it and manages it
 * @param name the name
 * @param slug the readable part of its public address
 * @param date the day of the race
 * @param location where it takes place
 * @param sport the sport, e.g. running or trail
 * @param description a description for the public page
 * @param visibility who sees its gallery
 * @param faceSearch whether faces are detected and selfie search offered
 * @param faceDataRetentionDays days after the event after which face data is deleted
 * @param watermarkText the text tiled across previews; the event name when empty
 * @param primaryColor the brand colour, {@code #RRGGBB}
 * @param sponsorText an optional sponsor line drawn on previews
 * @param publicFullNames whether the public search shows runners' full names
 * @param archived whether it was archived (read-only, hidden from lists)
 * @param createdAt when it was created
 * @param moderationReason why the platform's admins hid it from the public, or null
 */
public record Event(UUID id, UUID ownerId, String name, String slug, LocalDate date, String location, String sport,
		String description, Visibility visibility, boolean faceSearch, int faceDataRetentionDays, String watermarkText,
		String primaryColor, String sponsorText, boolean publicFullNames, boolean archived, Instant createdAt,
		String moderationReason) {

	/**
	 * Whether the platform's admins hid it from the public.
	 * @return true when hidden by moderation
	 */
	public boolean hiddenByModeration() {
		return this.moderationReason != null;
	}

	/**
	 * The day after which face data of this event must be gone.
	 * @return the date
	 */
	public LocalDate faceDataDeleteAfter() {
		return this.date.plusDays(this.faceDataRetentionDays);
	}

	/**
	 * The text tiled across this event's previews.
	 * @return the watermark text
	 */
	public String effectiveWatermark() {
		return (this.watermarkText == null || this.watermarkText.isBlank()) ? "Focus Racer · " + this.name
				: this.watermarkText;
	}

}

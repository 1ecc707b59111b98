package com.focusracer.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One position of a listing: what kind of photographer, where, how many, when.
 *
 * @param id the id
 * @param listingId its listing
 * @param role the kind of work, e.g. "finish line"
 * @param spot the place on the course, or null
 * @param spotKm where on the course, in km from the start, or null
 * @param wanted how many photographers
 * @param workDate the day, or null for the event's day
 * @param startsAt from, or null
 * @param endsAt until, or null
 * @param experience the experience expected, or null
 * @param description more, or null
 * @param accepted how many photographers were accepted so far
 */
public record Position(UUID id, UUID listingId, String role, String spot, BigDecimal spotKm, int wanted,
		LocalDate workDate, LocalTime startsAt, LocalTime endsAt, String experience, String description, int accepted) {

	/**
	 * Whether as many photographers were accepted as wanted.
	 * @return true when filled
	 */
	public boolean filled() {
		return this.accepted >= this.wanted;
	}

	/**
	 * The spot with its distance, as shown.
	 * @return e.g. "Halfway · km 21.1", or null
	 */
	public String spotLabel() {
		if (this.spot == null && this.spotKm == null) {
			return null;
		}
		String km = (this.spotKm != null) ? "km " + this.spotKm.stripTrailingZeros().toPlainString() : null;
		return (this.spot == null) ? km : (km == null) ? this.spot : this.spot + " · " + km;
	}

}

package com.focusracer.shop;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What an event's photos cost. Amounts in minor units of {@link #currency()}.
 *
 * @param eventId the event
 * @param currency ISO code, EUR by default
 * @param singlePrice one photo, original resolution
 * @param packs packs of N photos, by size
 * @param allPhotosPrice "all my photos": every photo linked to one bib, or {@code null}
 * @param webPrice one photo in web resolution (1,600 px), or {@code null} when not sold
 * @param runnerCap the most one buyer pays for one event across their orders, or
 * {@code null}
 * @param free whether the organizer makes the photos free (sponsored)
 * @param sponsorFrame whether free downloads carry the sponsor frame
 * @param organizerSharePercent the organizer's share of each sale after the platform fee
 */
public record PriceList(UUID eventId, String currency, long singlePrice, List<Pack> packs, Long allPhotosPrice,
		Long webPrice, Long runnerCap, boolean free, boolean sponsorFrame, int organizerSharePercent) {

	public PriceList {
		packs = packs.stream().sorted(Comparator.comparingInt(Pack::photos)).toList();
	}

	/**
	 * A pack of photos at one price.
	 *
	 * @param photos how many photos it covers (2 or more)
	 * @param price its price
	 */
	public record Pack(int photos, long price) {

	}

}

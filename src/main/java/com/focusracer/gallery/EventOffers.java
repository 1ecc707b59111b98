package com.focusracer.gallery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.focusracer.events.Event;

/**
 * What an event's photos cost, as the public pages show it before the cart. The shop owns
 * the prices and depends on the gallery, so the gallery declares what it needs here and
 * the shop implements it; without a shop the pages show no price.
 */
public interface EventOffers {

	/**
	 * What the event sells, formatted for the reader.
	 * @param event the event
	 * @param locale the reader's language
	 * @return empty when nothing is on sale (no prices, or no way to pay)
	 */
	Optional<Offer> of(Event event, Locale locale);

	/**
	 * The best price for every photo of one runner: "all my photos", packs or single
	 * photos, whichever costs least.
	 * @param event the event
	 * @param bib the runner's bib
	 * @param photos how many published photos the bib has
	 * @param locale the reader's language
	 * @return empty when nothing is on sale, the photos are free, or there is no photo
	 */
	Optional<RunnerOffer> forRunner(Event event, String bib, int photos, Locale locale);

	/**
	 * An event's prices, formatted ({@code 5,00 €}); prices include VAT.
	 *
	 * @param free whether the photos are free (then no price is set)
	 * @param single one photo, original resolution
	 * @param packs the packs, smallest first
	 * @param allPhotos "all my photos", or {@code null}
	 * @param web one photo in web resolution, or {@code null} when not sold
	 * @param cap the most one runner pays for the event, or {@code null}
	 */
	record Offer(boolean free, String single, List<Pack> packs, String allPhotos, String web, String cap) {

	}

	/**
	 * A pack of photos.
	 *
	 * @param photos how many photos it covers
	 * @param price its price, formatted
	 */
	record Pack(int photos, String price) {

	}

	/**
	 * "All your 7 photos: 25 €".
	 *
	 * @param photos how many photos the runner has
	 * @param price the best price for all of them, formatted
	 * @param fullPrice what they cost one by one, formatted, or {@code null} when the
	 * best price saves nothing
	 */
	record RunnerOffer(int photos, String price, String fullPrice) {

	}

}

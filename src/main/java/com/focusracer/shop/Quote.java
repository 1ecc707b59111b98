package com.focusracer.shop;

import java.util.List;

/**
 * The price of a cart, worked out on the server: the cheapest combination of single
 * photos and packs (or "all my photos"), what it saves against single prices, and an
 * offer when "all my photos" costs little more.
 *
 * @param resolution what is sold
 * @param photos how many photos it covers
 * @param lines how the price is made
 * @param fullPrice the photos at the single price
 * @param amount what the buyer pays
 * @param currency ISO code
 * @param capApplied whether the per-runner cap lowered the amount
 * @param allPhotosBib the bib whose photos are all bought, or {@code null}
 * @param upsell the "all my photos" offer, or {@code null}
 * @param webOffered whether the event also sells its photos in web resolution
 * @param webPrice one photo in web resolution, or {@code null} when the event does not
 * sell it
 * @param runnerCap the most one runner pays for the event, or {@code null} when it sets
 * no cap
 * @param earlierOrdersCounted whether what the buyer paid before for the event counted
 * towards the cap: only for a signed-in account whose address is confirmed (anyone can
 * type an address, so a guest's earlier orders never lower a price)
 */
public record Quote(Resolution resolution, int photos, List<Line> lines, long fullPrice, long amount, String currency,
		boolean capApplied, String allPhotosBib, Upsell upsell, boolean webOffered, Long webPrice, Long runnerCap,
		boolean earlierOrdersCounted) {

	/**
	 * What the buyer saves against single prices.
	 * @return the saving, never negative
	 */
	public long savings() {
		return Math.max(0, this.fullPrice - this.amount);
	}

	/**
	 * One part of the price.
	 *
	 * @param kind what it is
	 * @param quantity how many times
	 * @param size photos in one (1 for single photos)
	 * @param unitPrice price of one
	 * @param amount quantity × unit price
	 */
	public record Line(Kind kind, int quantity, int size, long unitPrice, long amount) {

	}

	/**
	 * The kinds of price lines.
	 */
	public enum Kind {

		/** Photos at the single price. */
		SINGLE,
		/** A pack of N photos. */
		PACK,
		/** All photos of one bib. */
		ALL_PHOTOS,
		/** Photos in web resolution. */
		WEB,
		/** Free photos (sponsored event). */
		FREE

	}

	/**
	 * "All your N photos for X": offered when it costs little more than the cart.
	 *
	 * @param bib the bib
	 * @param photos how many photos that bib has
	 * @param price the "all my photos" price
	 * @param extra how much more than the cart
	 */
	public record Upsell(String bib, int photos, long price, long extra) {

	}

}

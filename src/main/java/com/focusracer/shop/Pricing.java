package com.focusracer.shop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out the price of a cart. Pure arithmetic on minor units: the same inputs always
 * give the same price, and nothing the client sends is a price.
 */
public final class Pricing {

	private Pricing() {
	}

	/**
	 * The best price for some photos.
	 * @param prices the event's prices
	 * @param count how many photos
	 * @param resolution what is sold ({@link Resolution#WEB} needs a web price)
	 * @param bib the bib all these photos are linked to, or {@code null}
	 * @param bibPhotos how many published photos that bib has (0 when no bib)
	 * @param alreadyPaid what this buyer already paid for this event (for the cap), or
	 * {@code null} when the buyer has not proven who they are: the cap then bounds this
	 * cart alone
	 * @return the quote
	 */
	public static Quote quote(PriceList prices, int count, Resolution resolution, String bib, int bibPhotos,
			Long alreadyPaid) {
		if (count < 1) {
			throw new IllegalArgumentException("No photos");
		}
		String currency = prices.currency();
		if (prices.free()) {
			Resolution free = prices.sponsorFrame() ? Resolution.FRAMED : Resolution.ORIGINAL;
			return new Quote(free, count, List.of(new Quote.Line(Quote.Kind.FREE, count, 1, 0, 0)), 0, 0, currency,
					false, null, null, false, null, null, false);
		}
		if (resolution == Resolution.WEB && prices.webPrice() != null) {
			long amount = count * prices.webPrice();
			return capped(
					new Quote(Resolution.WEB, count,
							List.of(new Quote.Line(Quote.Kind.WEB, count, 1, prices.webPrice(), amount)), amount,
							amount, currency, false, null, null, true, prices.webPrice(), null, false),
					prices, alreadyPaid);
		}
		long fullPrice = count * prices.singlePrice();
		List<Quote.Line> lines = cheapest(prices, count);
		long best = lines.stream().mapToLong(Quote.Line::amount).sum();
		Long all = prices.allPhotosPrice();
		if (bib != null && all != null && bibPhotos >= count) {
			if (all <= best) {
				// "All my photos" costs no more than these photos: the buyer gets them
				// all.
				long allFull = bibPhotos * prices.singlePrice();
				return capped(
						new Quote(Resolution.ORIGINAL, bibPhotos,
								List.of(new Quote.Line(Quote.Kind.ALL_PHOTOS, 1, bibPhotos, all, all)), allFull, all,
								currency, false, bib, null, prices.webPrice() != null, prices.webPrice(), null, false),
						prices, alreadyPaid);
			}
		}
		Quote.Upsell upsell = null;
		if (bib != null && all != null && bibPhotos > count && all - best <= 2 * prices.singlePrice()) {
			upsell = new Quote.Upsell(bib, bibPhotos, all, all - best);
		}
		return capped(new Quote(Resolution.ORIGINAL, count, lines, fullPrice, best, currency, false, null, upsell,
				prices.webPrice() != null, prices.webPrice(), null, false), prices, alreadyPaid);
	}

	/**
	 * "All my photos" for a bib, asked for by the buyer.
	 * @param prices the event's prices
	 * @param bib the bib
	 * @param bibPhotos how many published photos it has
	 * @param alreadyPaid what this buyer already paid for this event, or {@code null}
	 * when the buyer has not proven who they are
	 * @return the quote, or {@code null} when the event has no such offer
	 */
	public static Quote allPhotos(PriceList prices, String bib, int bibPhotos, Long alreadyPaid) {
		if (prices.free() || prices.allPhotosPrice() == null || bibPhotos < 1) {
			return null;
		}
		long all = prices.allPhotosPrice();
		return capped(new Quote(Resolution.ORIGINAL, bibPhotos,
				List.of(new Quote.Line(Quote.Kind.ALL_PHOTOS, 1, bibPhotos, all, all)),
				bibPhotos * prices.singlePrice(), all, prices.currency(), false, bib, null, prices.webPrice() != null,
				prices.webPrice(), null, false), prices, alreadyPaid);
	}

	/**
	 * The cheapest mix of single photos and packs covering {@code count} photos (a pack
	 * may cover fewer photos than its size when that is still cheaper).
	 */
	static List<Quote.Line> cheapest(PriceList prices, int count) {
		long[] cost = new long[count + 1];
		int[] choice = new int[count + 1];
		for (int i = 1; i <= count; i++) {
			cost[i] = cost[i - 1] + prices.singlePrice();
			choice[i] = 1;
			for (PriceList.Pack pack : prices.packs()) {
				long withPack = cost[Math.max(0, i - pack.photos())] + pack.price();
				if (withPack < cost[i] || (withPack == cost[i] && pack.photos() > choice[i])) {
					cost[i] = withPack;
					choice[i] = pack.photos();
				}
			}
		}
		Map<Integer, Integer> used = new LinkedHashMap<>();
		for (int i = count; i > 0; i -= choice[i]) {
			used.merge(choice[i], 1, Integer::sum);
		}
		List<Quote.Line> lines = new ArrayList<>();
		used.entrySet().stream().sorted(Map.Entry.<Integer, Integer>comparingByKey().reversed()).forEach((entry) -> {
			int size = entry.getKey();
			long unit = (size == 1) ? prices.singlePrice()
					: prices.packs().stream().filter((p) -> p.photos() == size).findFirst().orElseThrow().price();
			int quantity = entry.getValue();
			lines.add(new Quote.Line((size == 1) ? Quote.Kind.SINGLE : Quote.Kind.PACK, quantity, size, unit,
					unit * quantity));
		});
		return lines;
	}

	private static Quote capped(Quote quote, PriceList prices, Long alreadyPaid) {
		boolean counted = alreadyPaid != null;
		Long cap = prices.runnerCap();
		long left = (cap != null) ? Math.max(0, cap - (counted ? alreadyPaid : 0)) : Long.MAX_VALUE;
		boolean lowered = quote.amount() > left;
		return new Quote(quote.resolution(), quote.photos(), quote.lines(), quote.fullPrice(),
				lowered ? left : quote.amount(), quote.currency(), lowered, quote.allPhotosBib(),
				lowered ? null : quote.upsell(), quote.webOffered(), quote.webPrice(), cap, counted);
	}

}

package com.focusracer.shop;

import java.util.Locale;
import java.util.Optional;

import com.focusracer.events.Event;
import com.focusracer.gallery.EventOffers;
import com.focusracer.shop.internal.PriceListRepository;

import org.springframework.stereotype.Component;

/**
 * The shop's prices on the public pages, before the cart: what an event sells, and the
 * best price for all the photos of one runner, worked out exactly as the cart will.
 */
@Component
class ShopOffers implements EventOffers {

	private final PriceListRepository repository;

	private final ShopProperties properties;

	ShopOffers(PriceListRepository repository, ShopProperties properties) {
		this.repository = repository;
		this.properties = properties;
	}

	@Override
	public Optional<Offer> of(Event event, Locale locale) {
		return onSale(event).map((prices) -> {
			if (prices.free()) {
				return new Offer(true, null, java.util.List.of(), null, null, null);
			}
			String currency = prices.currency();
			return new Offer(false, shown(prices.singlePrice(), currency, locale),
					prices.packs()
						.stream()
						.map((pack) -> new Pack(pack.photos(), shown(pack.price(), currency, locale)))
						.toList(),
					format(prices.allPhotosPrice(), currency, locale), format(prices.webPrice(), currency, locale),
					format(prices.runnerCap(), currency, locale));
		});
	}

	@Override
	public Optional<RunnerOffer> forRunner(Event event, String bib, int photos, Locale locale) {
		if (photos < 1 || photos > 10_000 || bib == null || bib.isBlank()) {
			return Optional.empty();
		}
		return onSale(event).filter((prices) -> !prices.free()).map((prices) -> {
			// The cart's own arithmetic: the cap bounds this cart alone, as for a buyer
			// who has not signed in.
			Quote quote = Pricing.quote(prices, photos, Resolution.ORIGINAL, bib, photos, null);
			return new RunnerOffer(photos, shown(quote.amount(), quote.currency(), locale),
					(quote.savings() > 0) ? shown(quote.fullPrice(), quote.currency(), locale) : null);
		});
	}

	/**
	 * The event's prices when something can be bought: free photos always, paid ones only
	 * with a way to pay.
	 */
	private Optional<PriceList> onSale(Event event) {
		return this.repository.priceList(event.id())
			.filter((prices) -> prices.free() || this.properties.paymentsAvailable());
	}

	private static String format(Long minor, String currency, Locale locale) {
		return (minor != null) ? shown(minor, currency, locale) : null;
	}

	/**
	 * A price as the pages show it: never broken across two lines ({@code 5,00} on one,
	 * {@code €} on the next).
	 */
	private static String shown(long minor, String currency, Locale locale) {
		return Money.format(minor, currency, locale).replace(' ', '\u00a0');
	}

}

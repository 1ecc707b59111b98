package com.focusracer.shop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.Event;
import com.focusracer.gallery.Gallery;
import com.focusracer.photos.Photo;
import com.focusracer.recognition.RecognitionManagement;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shop.internal.OrderRepository;
import com.focusracer.shop.internal.PriceListRepository;

import org.springframework.stereotype.Component;

/**
 * Prices carts on the server only: the event's price list, the photos still on sale, "all
 * my photos" of a bib, and what a runner who proved who they are already paid towards the
 * event's cap.
 */
@Component
class CartPricing {

	private final Gallery gallery;

	private final RecognitionManagement recognition;

	private final PriceListRepository priceLists;

	private final OrderRepository orders;

	private final AccountManagement accounts;

	private final ShopProperties properties;

	CartPricing(Gallery gallery, RecognitionManagement recognition, PriceListRepository priceLists,
			OrderRepository orders, AccountManagement accounts, ShopProperties properties) {
		this.gallery = gallery;
		this.recognition = recognition;
		this.priceLists = priceLists;
		this.orders = orders;
		this.accounts = accounts;
		this.properties = properties;
	}

	/**
	 * Prices a cart as the order would be priced.
	 * @param request what is in the cart
	 * @param viewerId the signed-in account, or {@code null}
	 * @return the event, the photos sold and the quote
	 * @throws UserMistakeException when the cart cannot be sold as it is
	 */
	Priced price(Orders.Cart request, UUID viewerId) {
		Event event = this.gallery.event((request.eventSlug() != null) ? request.eventSlug() : "", viewerId)
			.orElseThrow(() -> new UserMistakeException("shop.event.unknown", String.valueOf(request.eventSlug())));
		PriceList prices = this.priceLists.priceList(event.id())
			.orElseThrow(() -> new UserMistakeException("shop.notForSale", event.name()));
		Resolution resolution = (request.resolution() != null) ? request.resolution() : Resolution.ORIGINAL;
		if (resolution == Resolution.WEB && prices.webPrice() == null) {
			throw new UserMistakeException("shop.web.notSold");
		}
		Long paid = alreadyPaid(event, viewerId);
		String bib = (request.bib() != null && !request.bib().isBlank())
				? request.bib().strip().toUpperCase(Locale.ROOT) : null;
		Set<UUID> bibPhotos = (bib != null) ? published(event, this.recognition.photosOf(event.id(), bib)) : Set.of();
		if (request.allPhotos()) {
			Quote all = (bib != null) ? Pricing.allPhotos(prices, bib, bibPhotos.size(), paid) : null;
			if (all == null) {
				throw new UserMistakeException("shop.allPhotos.unavailable", String.valueOf(bib));
			}
			return new Priced(event, photos(event, bibPhotos), checkPayable(event, all));
		}
		List<UUID> ids = (request.photoIds() != null) ? request.photoIds().stream().distinct().toList() : List.of();
		if (ids.isEmpty()) {
			throw new UserMistakeException("shop.cart.empty");
		}
		if (ids.size() > Orders.MAX_PHOTOS) {
			throw new UserMistakeException("shop.cart.tooMany", Orders.MAX_PHOTOS);
		}
		List<Photo> photos = photos(event, ids);
		if (photos.size() < ids.size()) {
			throw new UserMistakeException("shop.photo.unavailable", ids.size() - photos.size());
		}
		if (bib == null) {
			bib = commonBib(photos);
			if (bib != null) {
				bibPhotos = published(event, this.recognition.photosOf(event.id(), bib));
			}
		}
		boolean allOfBib = bib != null && bibPhotos.containsAll(ids);
		Quote quote = Pricing.quote(prices, photos.size(), resolution, allOfBib ? bib : null,
				allOfBib ? bibPhotos.size() : 0, paid);
		if (quote.allPhotosBib() != null) {
			return new Priced(event, photos(event, bibPhotos), checkPayable(event, quote));
		}
		return new Priced(event, photos, checkPayable(event, quote));
	}

	/**
	 * What the buyer already paid for the event, for the cap: only a signed-in account
	 * with a confirmed address has proven who it is. A typed address proves nothing —
	 * counting the orders of whoever owns it would give that person's cap away.
	 * @return the amount, or {@code null} for a buyer who proved nothing
	 */
	private Long alreadyPaid(Event event, UUID viewerId) {
		Optional<Account> account = (viewerId != null) ? this.accounts.find(viewerId) : Optional.empty();
		if (account.isEmpty() || !account.get().emailVerified()) {
			return null;
		}
		return this.orders.alreadyPaid(event.id(), account.get().id(), account.get().email());
	}

	/**
	 * A paid order needs a way to pay: Stripe, or test payments switched on.
	 */
	private Quote checkPayable(Event event, Quote quote) {
		if (quote.amount() > 0 && !this.properties.paymentsAvailable()) {
			throw new UserMistakeException("shop.payments.off", event.name());
		}
		return quote;
	}

	private String commonBib(List<Photo> photos) {
		java.util.Map<UUID, List<String>> bibs = this.recognition.bibs(photos.stream().map(Photo::id).toList());
		if (bibs.size() != photos.size()) {
			return null;
		}
		Set<String> common = null;
		for (List<String> ofPhoto : bibs.values()) {
			if (common == null) {
				common = new LinkedHashSet<>(ofPhoto);
			}
			else {
				common.retainAll(ofPhoto);
			}
		}
		return (common != null && common.size() == 1) ? common.iterator().next() : null;
	}

	private Set<UUID> published(Event event, Set<UUID> ids) {
		return photos(event, ids).stream().map(Photo::id).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private List<Photo> photos(Event event, java.util.Collection<UUID> ids) {
		List<Photo> photos = new ArrayList<>();
		for (UUID id : ids) {
			this.gallery.photo(event, id).ifPresent(photos::add);
		}
		return photos;
	}

	/**
	 * How a price was made, as kept with the order.
	 */
	static String describe(Quote quote) {
		return quote.lines()
			.stream()
			.map((line) -> line.kind() + ":" + line.quantity() + "x" + line.size() + "@" + line.unitPrice())
			.collect(Collectors.joining(",")) + (quote.capApplied() ? ",CAP" : "");
	}

	/**
	 * A priced cart.
	 */
	record Priced(Event event, List<Photo> photos, Quote quote) {

	}

}

package com.focusracer.shop;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.privacy.AuditLog;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shop.internal.PriceListRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prices an organizer sets for an event's photos.
 */
@Service
public class PriceLists {

	private final PriceListRepository repository;

	private final EventManagement events;

	private final AuditLog audit;

	private final Clock clock;

	PriceLists(PriceListRepository repository, EventManagement events, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<PriceList> of(UUID eventId) {
		return this.repository.priceList(eventId);
	}

	/**
	 * Sets an event's prices, as typed in the form.
	 * @param eventId the event
	 * @param accountId its owner
	 * @param accountEmail the owner's address, for the audit log
	 * @param form what was typed
	 * @return the prices
	 * @throws UserMistakeException when a field is wrong
	 */
	@Transactional
	public PriceList save(UUID eventId, UUID accountId, String accountEmail, Form form) {
		Event event = this.events.owned(eventId, accountId);
		Long single = Money.parse(form.singlePrice());
		if (single == null && !form.free()) {
			throw new UserMistakeException("shop.prices.singleMissing");
		}
		List<PriceList.Pack> packs = new ArrayList<>();
		Set<Integer> sizes = new HashSet<>();
		for (int i = 0; i < form.packPhotos().size() && i < form.packPrices().size(); i++) {
			String photos = form.packPhotos().get(i);
			Long price = Money.parse(form.packPrices().get(i));
			if ((photos == null || photos.isBlank()) && price == null) {
				continue;
			}
			int size;
			try {
				size = Integer.parseInt((photos != null) ? photos.strip() : "");
			}
			catch (NumberFormatException ex) {
				size = 0;
			}
			if (size < 2 || size > 500 || price == null) {
				throw new UserMistakeException("shop.prices.pack", String.valueOf(photos));
			}
			if (!sizes.add(size)) {
				throw new UserMistakeException("shop.prices.packTwice", size);
			}
			packs.add(new PriceList.Pack(size, price));
		}
		int share = form.organizerSharePercent();
		if (share < 0 || share > 100) {
			throw new UserMistakeException("shop.prices.share");
		}
		Long cap = Money.parse(form.runnerCap());
		if (cap != null && single != null && cap < single) {
			throw new UserMistakeException("shop.prices.capTooLow");
		}
		PriceList prices = new PriceList(eventId, "EUR", (single != null) ? single : 0, packs,
				Money.parse(form.allPhotosPrice()), Money.parse(form.webPrice()), cap, form.free(),
				form.free() && form.sponsorFrame(), share);
		this.repository.savePriceList(prices, this.clock.instant());
		this.audit.record(accountId, accountEmail, "event.prices", "event", eventId.toString(), event.name());
		return prices;
	}

	/**
	 * The price form, as typed (amounts in euros).
	 *
	 * @param singlePrice one photo
	 * @param packPhotos sizes of the packs
	 * @param packPrices prices of the packs
	 * @param allPhotosPrice "all my photos"
	 * @param webPrice one photo in web resolution
	 * @param runnerCap the most a runner pays for the event
	 * @param free whether photos are free
	 * @param sponsorFrame whether free photos carry the sponsor frame
	 * @param organizerSharePercent the organizer's share of sales
	 */
	public record Form(String singlePrice, List<String> packPhotos, List<String> packPrices, String allPhotosPrice,
			String webPrice, String runnerCap, boolean free, boolean sponsorFrame, int organizerSharePercent) {

	}

}

package com.focusracer.shop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.shop.internal.SaleShare;
import com.focusracer.shop.internal.SalesDays;
import com.focusracer.shop.internal.OrderItem;
import com.focusracer.shop.internal.OrderRepository;
import com.focusracer.shop.internal.PriceListRepository;
import com.focusracer.shop.internal.ShareRepository;

import org.springframework.stereotype.Component;

/**
 * The revenue split of a sale: each photo's part of the price, less the platform fee,
 * goes to its photographer, and the organizer's share (when the event sets one) to the
 * event's owner; a photographer hired on agreed terms (the marketplace) gets instead the
 * agreed share of the net, the owner the rest. A refund lowers the shares not paid out
 * yet, and takes back from those paid out (or being paid) what they no longer earn:
 * netted against the pro's next payouts.
 */
@Component
class SaleShares {

	private final ShareRepository shareRepository;

	private final PriceListRepository priceListRepository;

	private final OrderRepository orderRepository;

	private final EventManagement events;

	private final ShopProperties properties;

	private final SalesDays salesDays;

	private final com.focusracer.events.EventTeams teams;

	SaleShares(ShareRepository shareRepository, PriceListRepository priceListRepository,
			OrderRepository orderRepository, EventManagement events, ShopProperties properties, SalesDays salesDays,
			com.focusracer.events.EventTeams teams) {
		this.teams = teams;
		this.salesDays = salesDays;
		this.shareRepository = shareRepository;
		this.priceListRepository = priceListRepository;
		this.orderRepository = orderRepository;
		this.events = events;
		this.properties = properties;
	}

	/**
	 * Records the shares of a sale just paid.
	 * @param order the paid order
	 * @param now when
	 */
	void paid(Order order, Instant now) {
		for (Split split : split(order, order.amount())) {
			this.shareRepository.insertShare(order.id(), split.accountId(), split.role(), split.gross(), split.fee(),
					split.amount(), order.currency(), (split.accountId() != null) ? "DUE" : "KEPT", now);
		}
	}

	/**
	 * Applies a refund to the sale's shares: those not paid out are lowered (cancelled
	 * when all is refunded), the others clawed back by what they no longer earn.
	 * @param order the order before the refund
	 * @param refunded all that is refunded now
	 * @param now when
	 */
	void refunded(Order order, long refunded, Instant now) {
		// The platform's fee on the order changes: the dashboards sum its day again.
		this.salesDays.forget(order.paidAt());
		long kept = order.amount() - refunded;
		List<Split> splits = (kept > 0) ? split(order, kept) : List.of();
		if (kept > 0) {
			for (Split split : splits) {
				this.shareRepository.insertShare(order.id(), split.accountId(), split.role(), split.gross(),
						split.fee(), split.amount(), order.currency(), (split.accountId() != null) ? "DUE" : "KEPT",
						now);
			}
		}
		else {
			this.shareRepository.cancelShares(order.id());
		}
		for (SaleShare share : this.shareRepository.sharesOf(order.id())) {
			if (share.accountId() == null || (!"PAID_OUT".equals(share.status()) && !"PAYING".equals(share.status()))) {
				continue;
			}
			long earns = splits.stream()
				.filter((split) -> share.accountId().equals(split.accountId()) && share.role().equals(split.role()))
				.mapToLong(Split::amount)
				.sum();
			long takeBack = share.amount() - earns - this.shareRepository.clawedBack(share.id());
			if (takeBack > 0) {
				this.shareRepository.clawBack(share, takeBack, refunded, now);
			}
		}
	}

	/**
	 * Splits what the buyer pays (or, after a partial refund, still pays) of a sale.
	 */
	private List<Split> split(Order order, long kept) {
		if (order.amount() == 0) {
			return List.of();
		}
		Event event = this.events.get(order.eventId()).orElseThrow();
		int organizerPercent = this.priceListRepository.priceList(order.eventId())
			.map(PriceList::organizerSharePercent)
			.orElse(0);
		int feePercent = this.properties.platformFeePercent();
		Map<UUID, long[]> photographers = new LinkedHashMap<>();
		long organizerAmount = 0;
		long organizerGross = 0;
		long fees = 0;
		// A photographer hired on agreed terms (the marketplace) gets that share of the
		// net.
		Map<UUID, java.util.Optional<Integer>> agreed = new java.util.HashMap<>();
		for (OrderItem item : this.orderRepository.items(order.id())) {
			// Each photo's part of what the buyer keeps paying.
			long part = item.amount() * kept / order.amount();
			long fee = Money.percent(part, feePercent);
			long net = part - fee;
			UUID photographer = (item.uploaderId() != null) ? item.uploaderId() : event.ownerId();
			java.util.Optional<Integer> share = agreed.computeIfAbsent(photographer,
					(id) -> this.teams.teamShare(order.eventId(), id));
			long organizer = photographer.equals(event.ownerId()) ? 0
					: share.map((percent) -> net - Money.percent(net, percent))
						.orElseGet(() -> Money.percent(net, organizerPercent));
			long[] totals = photographers.computeIfAbsent(photographer, (id) -> new long[3]);
			totals[0] += part;
			totals[1] += fee;
			totals[2] += net - organizer;
			organizerAmount += organizer;
			organizerGross += (organizer > 0) ? part : 0;
			fees += fee;
		}
		List<Split> splits = new ArrayList<>();
		splits.add(new Split(null, "PLATFORM", kept, fees, fees));
		photographers.forEach((photographer, totals) -> splits
			.add(new Split(photographer, "PHOTOGRAPHER", totals[0], totals[1], totals[2])));
		if (organizerAmount > 0) {
			splits.add(new Split(event.ownerId(), "ORGANIZER", organizerGross, 0, organizerAmount));
		}
		return splits;
	}

	/**
	 * One beneficiary's part of a sale.
	 */
	private record Split(UUID accountId, String role, long gross, long fee, long amount) {

	}

}

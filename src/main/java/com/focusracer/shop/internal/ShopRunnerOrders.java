package com.focusracer.shop.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.RunnerOrders;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.shop.Money;
import com.focusracer.shop.Orders;

import org.springframework.stereotype.Component;

/**
 * The runner's latest orders on their account home.
 */
@Component
class ShopRunnerOrders implements RunnerOrders {

	private final Orders orders;

	private final EventManagement events;

	ShopRunnerOrders(Orders orders, EventManagement events) {
		this.orders = orders;
		this.events = events;
	}

	@Override
	public List<Line> latest(UUID accountId, String email, int limit, Locale locale) {
		Map<UUID, String> names = new HashMap<>();
		return this.orders.ofRunner(accountId, email)
			.stream()
			.limit(limit)
			.map((order) -> new Line(order.shortId(),
					names.computeIfAbsent(order.eventId(), (id) -> this.events.get(id).map(Event::name).orElse("")),
					Money.format(order.amount(), order.currency(), locale), "shop.status." + order.status().name(),
					"/orders/" + order.id()))
			.toList();
	}

}

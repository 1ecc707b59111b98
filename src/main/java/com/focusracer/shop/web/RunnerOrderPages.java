package com.focusracer.shop.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.EventManagement;
import com.focusracer.shop.Orders;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * A runner's orders, and the cart kept in their account.
 */
@Controller
class RunnerOrderPages {

	private final Orders orders;

	private final EventManagement events;

	RunnerOrderPages(Orders orders, EventManagement events) {
		this.orders = orders;
		this.events = events;
	}

	@GetMapping("/account/orders")
	ModelAndView runnerOrders(@AuthenticationPrincipal AccountPrincipal runner, Locale locale) {
		List<ShopPages.OrderRow> rows = ShopPages.OrderRow.rows(this.orders.ofRunner(runner.id(), runner.email()),
				this.events, locale);
		return new ModelAndView("shop/orders", Map.of("rows", rows));
	}

	@GetMapping(path = "/account/cart", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	String savedCart(@AuthenticationPrincipal AccountPrincipal runner) {
		return this.orders.savedCart(runner.id()).orElse("[]");
	}

	@PutMapping(path = "/account/cart", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Void> saveCart(@AuthenticationPrincipal AccountPrincipal runner, @RequestBody String cart) {
		String json = cart.strip();
		if (!json.startsWith("[") || !json.endsWith("]")) {
			return ResponseEntity.badRequest().build();
		}
		this.orders.saveCart(runner.id(), json);
		return ResponseEntity.noContent().build();
	}

}

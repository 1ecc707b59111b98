package com.focusracer.shop.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shop.Money;
import com.focusracer.shop.Order;
import com.focusracer.shop.OrderStatus;
import com.focusracer.shop.Orders;
import com.focusracer.shop.Payments;
import com.focusracer.shop.Payouts;
import com.focusracer.shop.PriceList;
import com.focusracer.shop.PriceLists;
import com.focusracer.shop.Refunds;
import com.focusracer.shop.ShopProperties;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop in the pro space (prices, payouts and statement) and the admin space (orders,
 * refunds, disputes, payment events that could not be read).
 */
@Controller
public class ShopBackOffice {

	private final PriceLists priceLists;

	private final Payouts payouts;

	private final Orders orders;

	private final Refunds refunds;

	private final Payments payments;

	private final EventManagement events;

	private final MessageSource messages;

	private final ShopProperties properties;

	private final com.focusracer.shop.AgreedFees agreedFees;

	ShopBackOffice(PriceLists priceLists, Payouts payouts, Orders orders, Refunds refunds, Payments payments,
			EventManagement events, MessageSource messages, ShopProperties properties,
			com.focusracer.shop.AgreedFees agreedFees) {
		this.agreedFees = agreedFees;
		this.priceLists = priceLists;
		this.payouts = payouts;
		this.orders = orders;
		this.refunds = refunds;
		this.payments = payments;
		this.events = events;
		this.messages = messages;
		this.properties = properties;
	}

	/**
	 * The price form as shown.
	 *
	 * @param single one photo
	 * @param packPhotos pack sizes (three rows)
	 * @param packPrices pack prices (three rows)
	 * @param allPhotos "all my photos"
	 * @param web web resolution
	 * @param cap the cap per runner
	 * @param free whether photos are free
	 * @param sponsorFrame with the sponsor frame
	 * @param organizerShare the organizer's share
	 */
	public record PriceForm(String single, List<String> packPhotos, List<String> packPrices, String allPhotos,
			String web, String cap, boolean free, boolean sponsorFrame, int organizerShare) {

		/** At least three pack rows, as many sizes as prices. */
		public PriceForm {
			int rows = Math.max(3, Math.max(packPhotos.size(), packPrices.size()));
			packPhotos = padded(packPhotos, rows);
			packPrices = padded(packPrices, rows);
		}

		private static List<String> padded(List<String> values, int rows) {
			List<String> padded = new ArrayList<>(values);
			while (padded.size() < rows) {
				padded.add("");
			}
			return padded;
		}

		static PriceForm of(PriceList prices, Locale locale) {
			List<String> sizes = new ArrayList<>();
			List<String> amounts = new ArrayList<>();
			if (prices != null) {
				prices.packs().forEach((pack) -> {
					sizes.add(String.valueOf(pack.photos()));
					amounts.add(typed(pack.price(), locale));
				});
			}
			if (prices == null) {
				return new PriceForm("", sizes, amounts, "", "", "", false, false, 0);
			}
			return new PriceForm(typed(prices.singlePrice(), locale), sizes, amounts,
					typed(prices.allPhotosPrice(), locale), typed(prices.webPrice(), locale),
					typed(prices.runnerCap(), locale), prices.free(), prices.sponsorFrame(),
					prices.organizerSharePercent());
		}

	}

	@GetMapping("/pro/events/{id}/prices")
	ModelAndView prices(@AuthenticationPrincipal AccountPrincipal pro, @PathVariable UUID id, Locale locale) {
		Event event = this.events.owned(id, pro.id());
		return new ModelAndView("shop/prices", Map.of("event", event, "form",
				PriceForm.of(this.priceLists.of(id).orElse(null), locale), "paymentsOff", paymentsOff()));
	}

	@PostMapping("/pro/events/{id}/prices")
	Object savePrices(@AuthenticationPrincipal AccountPrincipal pro, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String single,
			@RequestParam(name = "packPhotos", required = false) List<String> packPhotos,
			@RequestParam(name = "packPrice", required = false) List<String> packPrices,
			@RequestParam(defaultValue = "") String allPhotos, @RequestParam(defaultValue = "") String web,
			@RequestParam(defaultValue = "") String cap, @RequestParam(defaultValue = "false") boolean free,
			@RequestParam(defaultValue = "false") boolean sponsorFrame,
			@RequestParam(defaultValue = "0") String organizerShare, Locale locale, RedirectAttributes redirect) {
		Event event = this.events.owned(id, pro.id());
		List<String> sizes = (packPhotos != null) ? packPhotos : List.of();
		List<String> amounts = (packPrices != null) ? packPrices : List.of();
		int share;
		try {
			share = Integer.parseInt(organizerShare.strip().isEmpty() ? "0" : organizerShare.strip());
		}
		catch (NumberFormatException ex) {
			share = -1;
		}
		PriceLists.Form form = new PriceLists.Form(single, sizes, amounts, allPhotos, web, cap, free, sponsorFrame,
				share);
		try {
			this.priceLists.save(id, pro.id(), pro.email(), form);
			redirect.addFlashAttribute("notice", this.messages.getMessage("shop.prices.saved", null, locale));
			return "redirect:/pro/events/" + id + "/prices";
		}
		catch (UserMistakeException ex) {
			// Nothing saved; the form comes back as typed, with what is wrong.
			return new ModelAndView("shop/prices",
					Map.of("event", event, "form",
							new PriceForm(single, sizes, amounts, allPhotos, web, cap, free, sponsorFrame,
									Math.max(0, share)),
							"error", ex.describe(this.messages, locale), "paymentsOff", paymentsOff()),
					org.springframework.http.HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/pro/payouts")
	ModelAndView statement(@AuthenticationPrincipal AccountPrincipal pro,
			@RequestParam(required = false) String connected) {
		if (connected != null) {
			this.payouts.refresh(pro.id());
		}
		return new ModelAndView("shop/payouts", Map.of("statement", this.payouts.statement(pro.id()), "fees",
				this.agreedFees.of(pro.id()), "me", pro.id()));
	}

	@GetMapping("/pro/payouts.csv")
	ResponseEntity<String> statementCsv(@AuthenticationPrincipal AccountPrincipal pro) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("focus-racer-statement.csv").build().toString())
			.body(this.payouts.csv(pro.id()));
	}

	@PostMapping("/pro/payouts/connect")
	String connect(@AuthenticationPrincipal AccountPrincipal pro, Locale locale, RedirectAttributes redirect) {
		try {
			return "redirect:" + this.payouts.onboard(pro.id(), pro.email());
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
			return "redirect:/pro/payouts";
		}
	}

	@GetMapping("/pro/payouts/connect")
	String reconnect(Locale locale, RedirectAttributes redirect) {
		// Stripe sends the pro here when the onboarding link expired. A GET changes
		// nothing: the statement's button asks for a fresh link (POST).
		redirect.addFlashAttribute("notice", this.messages.getMessage("shop.payouts.linkExpired", null, locale));
		return "redirect:/pro/payouts";
	}

	@GetMapping("/admin/orders")
	ModelAndView adminOrders(@RequestParam(required = false) String q, Locale locale) {
		List<ShopPages.OrderRow> rows = ShopPages.OrderRow.rows(this.orders.search(q), this.events, locale);
		return new ModelAndView("shop/admin-orders", Map.of("rows", rows, "q", (q != null) ? q : ""));
	}

	@GetMapping("/admin/orders/{id}")
	ModelAndView adminOrder(@PathVariable UUID id, Locale locale) {
		Order order = this.orders.get(id).orElseThrow(EventNotFoundException::new);
		Map<String, Object> model = new java.util.HashMap<>();
		model.put("row", ShopPages.OrderRow.of(order, this.events, locale));
		model.put("refunded", Money.format(order.refundedAmount(), order.currency(), locale));
		model.put("photos", this.orders.photoIds(order).size());
		if (order.problem() != null) {
			// A report that came after the order was paid leaves it as it is.
			String key = (order.status() == OrderStatus.PAYMENT_PROBLEM) ? "shop.admin.problem"
					: "shop.admin.problemAfterPayment";
			model.put("problem",
					this.messages.getMessage(key,
							new Object[] { reported(order.problem(), locale),
									Money.format(order.amount(), order.currency(), locale), order.problem().eventId() },
							locale));
		}
		return new ModelAndView("shop/admin-order", model);
	}

	@PostMapping("/admin/orders/{id}/refund")
	String refund(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String amount, Locale locale, RedirectAttributes redirect) {
		try {
			Order order = this.refunds.refund(id, Money.parse(amount), admin.id(), admin.email());
			redirect.addFlashAttribute("notice", this.messages.getMessage("shop.refund.done",
					new Object[] { Money.format(order.refundedAmount(), order.currency(), locale) }, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/admin/orders/" + id;
	}

	@GetMapping("/admin/disputes")
	ModelAndView disputes() {
		return new ModelAndView("shop/disputes", Map.of("disputes", this.refunds.disputes()));
	}

	@GetMapping("/admin/payment-events")
	ModelAndView paymentEvents() {
		return new ModelAndView("shop/payment-events", Map.of("events", this.payments.unreadable()));
	}

	/**
	 * What a provider reported, as read: {@code 1,00 €}, or the raw figures when the
	 * currency is not one the JDK knows.
	 */
	private String reported(Order.PaymentProblem problem, Locale locale) {
		if (problem.amount() == null || problem.currency() == null) {
			return this.messages.getMessage("shop.admin.problemNoAmount", null, locale);
		}
		try {
			return Money.format(problem.amount(), problem.currency().toUpperCase(Locale.ROOT), locale);
		}
		catch (IllegalArgumentException ex) {
			return problem.amount() + " " + problem.currency();
		}
	}

	private boolean paymentsOff() {
		return !this.properties.paymentsAvailable();
	}

	/**
	 * An amount as people type it in their language: {@code 4,90} in French.
	 */
	static String typed(Long minor, Locale locale) {
		String plain = Money.plain(minor);
		return "en".equals(locale.getLanguage()) ? plain : plain.replace('.', ',');
	}

}

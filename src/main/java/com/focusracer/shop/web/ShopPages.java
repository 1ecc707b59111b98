package com.focusracer.shop.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shop.Downloads;
import com.focusracer.shop.Invoice;
import com.focusracer.shop.Invoices;
import com.focusracer.shop.Money;
import com.focusracer.shop.Order;
import com.focusracer.shop.Orders;
import com.focusracer.shop.Quote;
import com.focusracer.shop.Receipts;
import com.focusracer.shop.Resolution;
import com.focusracer.shop.ShopProperties;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The buyer's pages: cart, checkout (the order page while unpaid), the paid order with
 * its downloads and receipt ({@link DownloadPages} serves the links,
 * {@link RunnerOrderPages} a runner's orders).
 */
@Controller
public class ShopPages {

	private final Orders orders;

	private final Downloads downloads;

	private final Receipts receipts;

	private final Invoices invoices;

	private final EventManagement events;

	private final ShopProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final RateLimits limits;

	ShopPages(Orders orders, Downloads downloads, Receipts receipts, Invoices invoices, EventManagement events,
			ShopProperties properties, MessageSource messages, Clock clock, RateLimits limits) {
		this.orders = orders;
		this.downloads = downloads;
		this.receipts = receipts;
		this.invoices = invoices;
		this.events = events;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * An order page as shown.
	 *
	 * @param order the order
	 * @param key its key
	 * @param event its event
	 * @param photoIds its photos
	 * @param links its download links (paid)
	 * @param amount the price, formatted
	 * @param refunded the refunded amount, formatted
	 * @param stripePublishableKey the Payment Element's key (Stripe orders)
	 * @param renewable whether this visitor may get new links (the buyer's account
	 * always; the order's key for a while after the payment)
	 * @param keyRenewsUntil until when the order's key renews links, or {@code null}
	 * @param linksExpired whether the current links no longer work
	 * @param renewalDays how many days after the payment the key renews links
	 * @param supportEmail whom to write to
	 * @param invoiceNumber the invoice's number, or {@code null} (unpaid, free)
	 * @param creditNotes the credit notes of its refunds, in words
	 */
	public record OrderPage(Order order, String key, Event event, List<UUID> photoIds, Downloads.Links links,
			String amount, String refunded, String stripePublishableKey, boolean renewable, Instant keyRenewsUntil,
			boolean linksExpired, long renewalDays, String supportEmail, String invoiceNumber,
			List<String> creditNotes) {

		public String keyParameter() {
			return "key=" + UriUtils.encode(this.key, StandardCharsets.UTF_8);
		}

		public boolean payable() {
			return this.order.payable();
		}

		public String photoIdList() {
			return String.join(",", this.photoIds.stream().map(UUID::toString).toList());
		}

	}

	/**
	 * An order in a list.
	 *
	 * @param order the order
	 * @param eventName its event
	 * @param amount its price, formatted
	 */
	public record OrderRow(Order order, String eventName, String amount) {

		static OrderRow of(Order order, EventManagement events, Locale locale) {
			return rows(List.of(order), events, locale).get(0);
		}

		/**
		 * Orders in a list, each event read once however many orders it has.
		 */
		static List<OrderRow> rows(List<Order> orders, EventManagement events, Locale locale) {
			Map<UUID, String> names = new HashMap<>();
			return orders.stream()
				.map((order) -> new OrderRow(order,
						names.computeIfAbsent(order.eventId(), (id) -> events.get(id).map(Event::name).orElse("")),
						Money.format(order.amount(), order.currency(), locale)))
				.toList();
		}

	}

	/**
	 * A cart's price, as shown.
	 *
	 * @param quote the quote
	 * @param lines the lines, in words
	 * @param amount the total, formatted
	 * @param savings what the packs save, formatted, or {@code null}
	 * @param upsell the "all my photos" offer, in words, or {@code null}
	 * @param webOffered whether the event sells the web resolution
	 * @param webPrice one photo in web resolution, formatted, or {@code null}
	 * @param capNote how to have earlier orders count towards the event's cap, or
	 * {@code null}
	 * @param error what is wrong with the cart, or {@code null}
	 */
	public record QuoteView(Quote quote, List<String> lines, String amount, String savings, String upsell,
			boolean webOffered, String webPrice, String capNote, String error) {

	}

	@GetMapping("/cart")
	ModelAndView cart() {
		return new ModelAndView("shop/cart", Map.of("testPayments", this.properties.testPaymentsOn()));
	}

	@PostMapping("/cart/quote")
	ModelAndView quote(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam String event,
			@RequestParam(name = "photo", required = false) List<UUID> photos,
			@RequestParam(required = false) String bib, @RequestParam(defaultValue = "false") boolean allPhotos,
			@RequestParam(defaultValue = "ORIGINAL") Resolution resolution,
			@RequestParam(required = false) String email, Locale locale) {
		QuoteView view;
		try {
			Quote quote = this.orders.quote(new Orders.Cart(event, photos, email, bib, allPhotos, resolution),
					viewer(principal));
			view = describe(quote, locale);
		}
		catch (UserMistakeException ex) {
			view = new QuoteView(null, List.of(), null, null, null, false, null, null,
					ex.describe(this.messages, locale));
		}
		return new ModelAndView("shop/quote", Map.of("view", view));
	}

	@PostMapping("/cart/checkout")
	String checkout(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam String event,
			@RequestParam(name = "photo", required = false) List<UUID> photos,
			@RequestParam(required = false) String bib, @RequestParam(defaultValue = "false") boolean allPhotos,
			@RequestParam(defaultValue = "ORIGINAL") Resolution resolution, @RequestParam String email,
			@RequestParam(defaultValue = "false") boolean immediate, Locale locale, RedirectAttributes redirect,
			HttpServletRequest request) {
		// An order may create a Stripe payment: a card-testing channel if unbounded.
		this.limits.acquire(RateLimit.ORDER, request.getRemoteAddr());
		if (!immediate) {
			// Digital content supplied at once: the buyer's express request and waiver of
			// the
			// right of withdrawal (Code de la consommation, L221-28 13°) come before the
			// order.
			redirect.addFlashAttribute("error",
					this.messages.getMessage("shop.checkout.immediateRequired", null, locale));
			return "redirect:/cart";
		}
		try {
			Orders.Placed placed = this.orders.place(new Orders.Cart(event, photos, email, bib, allPhotos, resolution),
					viewer(principal), locale);
			redirect.addFlashAttribute("placed", placed.order().id().toString());
			return "redirect:/orders/" + placed.order().id() + "?key=" + placed.key();
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
			return "redirect:/cart";
		}
		catch (Orders.PaymentUnavailableException ex) {
			redirect.addFlashAttribute("error", this.messages.getMessage("shop.payment.unavailable", null, locale));
			return "redirect:/cart";
		}
	}

	@GetMapping("/orders/{id}")
	ModelAndView order(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) String key,
			@RequestParam(name = "payment_intent", required = false) String returnedFromStripe, Locale locale) {
		Order order = open(principal, id, key);
		if (returnedFromStripe != null) {
			// Stripe's return address: reads the payment, applied once whatever the
			// number of visits.
			order = this.orders.confirmReturn(order);
		}
		return page(principal, order, locale);
	}

	@PostMapping("/orders/{id}/payment")
	String preparePayment(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) String key, Locale locale, RedirectAttributes redirect) {
		Order order = open(principal, id, key);
		try {
			this.orders.preparePayment(order);
		}
		catch (Orders.PaymentUnavailableException ex) {
			redirect.addFlashAttribute("error", this.messages.getMessage("shop.payment.unavailable", null, locale));
		}
		return "redirect:/orders/" + id + "?key=" + this.downloads.orderKey(id);
	}

	@PostMapping("/orders/{id}/test-payment")
	String testPayment(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) String key, @RequestParam String outcome, Locale locale,
			RedirectAttributes redirect) {
		Order order = open(principal, id, key);
		try {
			this.orders.testPayment(order, "SUCCEEDED".equals(outcome));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/orders/" + id + "?key=" + this.downloads.orderKey(id);
	}

	@PostMapping("/orders/{id}/links")
	String renew(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) String key, Locale locale, RedirectAttributes redirect) {
		Order order = open(principal, id, key);
		try {
			this.orders.renewLinks(order, owner(principal, order));
			redirect.addFlashAttribute("notice", this.messages.getMessage("shop.links.renewed", null, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/orders/" + id + "?key=" + this.downloads.orderKey(id);
	}

	@GetMapping("/orders/{id}/receipt.pdf")
	ResponseEntity<StreamingResponseBody> receipt(@AuthenticationPrincipal AccountPrincipal principal,
			@PathVariable UUID id, @RequestParam(required = false) String key, Locale locale) {
		Order order = open(principal, id, key);
		if (order.paidAt() == null) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(this.receipts.fileName(order, locale)).build().toString())
			.body((out) -> this.receipts.write(order, locale, out));
	}

	private ModelAndView page(AccountPrincipal principal, Order order, Locale locale) {
		Event event = this.events.get(order.eventId()).orElseThrow();
		Map<String, Object> model = new HashMap<>();
		Downloads.Links links = this.downloads.links(order);
		boolean expired = links.expiresAt() != null && !links.expiresAt().isAfter(this.clock.instant());
		model.put("page", new OrderPage(order, this.downloads.orderKey(order.id()), event, this.orders.photoIds(order),
				links, Money.format(order.amount(), order.currency(), locale),
				Money.format(order.refundedAmount(), order.currency(), locale),
				this.properties.stripe().publishableKey(),
				owner(principal, order) || this.orders.renewableWithKey(order), this.orders.keyRenewsLinksUntil(order),
				expired, this.properties.linksRenewableFor().toDays(), this.properties.supportEmail(),
				this.invoices.invoiceOf(order.id()).map(Invoice::number).orElse(null),
				this.invoices.creditNotesOf(order.id())
					.stream()
					.map((note) -> this.messages.getMessage("shop.order.creditNote",
							new Object[] { note.number(), Money.format(note.amount(), note.currency(), locale) },
							locale))
					.toList()));
		model.put("enhanceable", this.downloads.enhanceable(order));
		return new ModelAndView("shop/order", model);
	}

	private Order open(AccountPrincipal principal, UUID id, String key) {
		return this.orders.open(id, key, viewer(principal), confirmedEmail(principal)).orElseThrow(ShopPages::notFound);
	}

	private boolean owner(AccountPrincipal principal, Order order) {
		return this.orders.ownedBy(order, viewer(principal), confirmedEmail(principal));
	}

	private static String confirmedEmail(AccountPrincipal principal) {
		return (principal != null && principal.emailVerified()) ? principal.email() : null;
	}

	private QuoteView describe(Quote quote, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (Quote.Line line : quote.lines()) {
			String unit = Money.format(line.unitPrice(), quote.currency(), locale);
			String total = Money.format(line.amount(), quote.currency(), locale);
			lines.add(this.messages.getMessage("shop.line." + line.kind(),
					new Object[] { line.quantity(), line.size(), unit, total }, locale));
		}
		if (quote.capApplied()) {
			lines.add(this.messages.getMessage("shop.line.CAP", null, locale));
		}
		String savings = (quote.savings() > 0) ? Money.format(quote.savings(), quote.currency(), locale) : null;
		String upsell = null;
		if (quote.upsell() != null) {
			upsell = this.messages.getMessage("shop.upsell",
					new Object[] { quote.upsell().photos(),
							Money.format(quote.upsell().price(), quote.currency(), locale),
							Money.format(quote.upsell().extra(), quote.currency(), locale) },
					locale);
		}
		String capNote = null;
		if (quote.runnerCap() != null && !quote.earlierOrdersCounted()) {
			capNote = this.messages.getMessage("shop.cap.signIn",
					new Object[] { Money.format(quote.runnerCap(), quote.currency(), locale) }, locale);
		}
		String webPrice = (quote.webPrice() != null) ? Money.format(quote.webPrice(), quote.currency(), locale) : null;
		return new QuoteView(quote, lines, Money.format(quote.amount(), quote.currency(), locale), savings, upsell,
				quote.webOffered(), webPrice, capNote, null);
	}

	private static UUID viewer(AccountPrincipal principal) {
		return (principal != null) ? principal.id() : null;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
	}

}

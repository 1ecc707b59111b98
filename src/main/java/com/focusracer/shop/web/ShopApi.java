package com.focusracer.shop.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.shared.SiteUrl;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shop.Downloads;
import com.focusracer.shop.Order;
import com.focusracer.shop.Orders;
import com.focusracer.shop.Payments;
import com.focusracer.shop.Quote;
import com.focusracer.shop.Resolution;
import com.focusracer.shop.ShopProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The order API ({@code /api/v1/public/quotes}, {@code /api/v1/public/orders}) and the
 * Stripe webhook. Prices are always worked out here: the client sends photos, never
 * amounts.
 */
@RestController
class ShopApi {

	private final Orders orders;

	private final Payments payments;

	private final Downloads downloads;

	private final ShopProperties properties;

	private final String baseUrl;

	private final RateLimits limits;

	ShopApi(Orders orders, Payments payments, Downloads downloads, ShopProperties properties, SiteUrl site,
			RateLimits limits) {
		this.orders = orders;
		this.payments = payments;
		this.downloads = downloads;
		this.properties = properties;
		this.baseUrl = site.root();
		this.limits = limits;
	}

	record CartRequest(String eventSlug, List<UUID> photoIds, String email, String bib, Boolean allPhotos,
			Resolution resolution) {

		Orders.Cart cart() {
			return new Orders.Cart(this.eventSlug, this.photoIds, this.email, this.bib,
					Boolean.TRUE.equals(this.allPhotos), this.resolution);
		}

	}

	record Payment(String provider, String clientSecret, String publishableKey) {
	}

	record Created(UUID id, String key, long amount, String currency, String status, Payment payment, Quote pricing,
			String orderUrl) {
	}

	/**
	 * One photo's link; {@code enhancedUrl} only where the event has auto-edit on.
	 */
	record Download(UUID photoId, String url, Instant expiresAt, String enhancedUrl) {
	}

	record OrderView(UUID id, String status, long amount, long refundedAmount, String currency, String resolution,
			Payment payment, List<UUID> photoIds, List<Download> downloads, String zipUrl, String receiptUrl,
			Instant createdAt, Instant paidAt) {
	}

	record TestPayment(String outcome, String key) {
	}

	record OrderKey(String key) {
	}

	@PostMapping("/api/v1/public/quotes")
	Quote quote(@RequestBody CartRequest request) {
		return this.orders.quote(request.cart(), null);
	}

	@PostMapping("/api/v1/public/orders")
	ResponseEntity<Created> create(@RequestBody CartRequest request,
			@RequestHeader(name = "Accept-Language", required = false) String language,
			HttpServletRequest servletRequest) {
		// An order may create a Stripe payment: a card-testing channel if unbounded.
		this.limits.acquire(RateLimit.ORDER, servletRequest.getRemoteAddr());
		Locale buyer = (language != null && language.toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH
				: Locale.FRENCH;
		Orders.Placed placed = this.orders.place(request.cart(), null, buyer);
		Order order = placed.order();
		Quote quote = placed.quote();
		String url = this.baseUrl + "/orders/" + order.id() + "?key=" + placed.key();
		return ResponseEntity.created(URI.create(this.baseUrl + "/api/v1/public/orders/" + order.id()))
			.body(new Created(order.id(), placed.key(), order.amount(), order.currency(), order.status().name(),
					payment(order), quote, url));
	}

	@GetMapping("/api/v1/public/orders/{id}")
	OrderView order(@PathVariable UUID id, @RequestParam(required = false) String key) {
		Order order = this.orders.open(id, key, null, null).orElseThrow(ShopApi::notFound);
		return view(order, key);
	}

	/**
	 * Asks Stripe again for the payment of an order placed while Stripe did not answer
	 * (with the same idempotency key); an order that has its payment is answered as it
	 * is.
	 */
	@PostMapping("/api/v1/public/orders/{id}/payment")
	OrderView preparePayment(@PathVariable UUID id, @RequestBody(required = false) OrderKey request) {
		String key = (request != null) ? request.key() : null;
		Order order = this.orders.open(id, key, null, null).orElseThrow(ShopApi::notFound);
		return view(this.orders.preparePayment(order), key);
	}

	private OrderView view(Order order, String key) {
		Downloads.Links links = this.downloads.links(order);
		boolean enhanceable = !links.photos().isEmpty() && this.downloads.enhanceable(order);
		return new OrderView(order.id(), order.status().name(), order.amount(), order.refundedAmount(),
				order.currency(), order.resolution().name(), payment(order), this.orders.photoIds(order),
				links.photos()
					.stream()
					.map((l) -> new Download(l.photoId(), l.url(), l.expiresAt(),
							enhanceable ? l.url() + "&version=enhanced" : null))
					.toList(),
				links.zipUrl(),
				order.downloadable() ? this.baseUrl + "/orders/" + order.id() + "/receipt.pdf?key=" + key : null,
				order.createdAt(), order.paidAt());
	}

	@PostMapping("/api/v1/public/orders/{id}/test-payment")
	OrderView testPayment(@PathVariable UUID id, @RequestBody TestPayment request) {
		// Only the holder of the order's key pays it, and so gets its links.
		Order order = this.orders.open(id, request.key(), null, null).orElseThrow(ShopApi::notFound);
		String outcome = (request.outcome() != null) ? request.outcome().strip().toUpperCase(Locale.ROOT) : "";
		if (!outcome.equals("SUCCEEDED") && !outcome.equals("FAILED")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Send {\"outcome\": \"SUCCEEDED\", \"key\": \"<the order's key>\"} or \"outcome\": \"FAILED\".");
		}
		this.orders.testPayment(order, outcome.equals("SUCCEEDED"));
		return order(id, request.key());
	}

	@PostMapping("/webhooks/stripe")
	ResponseEntity<String> stripe(@RequestBody byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		String payload = new String(body, java.nio.charset.StandardCharsets.UTF_8);
		this.payments.readStripeWebhook(payload, signature).ifPresent(this.payments::apply);
		return ResponseEntity.ok("{\"received\":true}");
	}

	private Payment payment(Order order) {
		boolean stripe = order.byStripe();
		return new Payment(order.provider(), (stripe && order.payable()) ? order.clientSecret() : null,
				stripe ? this.properties.stripe().publishableKey() : null);
	}

	@ExceptionHandler(Downloads.RefusedException.class)
	ProblemDetail refused(Downloads.RefusedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"The order's key is missing or does not open this order. Send the key of the order's confirmation "
						+ "e-mail or of the 201 response that created it.");
	}

	@ExceptionHandler(Payments.BadSignatureException.class)
	ProblemDetail badSignature(Payments.BadSignatureException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The Stripe-Signature header is missing, wrong or older than 5 minutes: check STRIPE_WEBHOOK_SECRET.");
	}

	@ExceptionHandler(Payments.UnreadableEventException.class)
	ProblemDetail unreadable(Payments.UnreadableEventException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				ex.getMessage() + ": it is kept for the admins, and will be tried again when Stripe sends it again.");
	}

	@ExceptionHandler(Orders.PaymentUnavailableException.class)
	ProblemDetail unavailable(Orders.PaymentUnavailableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"The payment provider did not answer. The order is kept: open it again in a minute to pay.");
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such order.");
	}

}

package com.focusracer.shop;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.photos.Photo;
import com.focusracer.shared.EmailAddress;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shop.internal.OrderItem;
import com.focusracer.shop.internal.CartRepository;
import com.focusracer.shop.internal.OrderRepository;
import com.focusracer.shop.internal.StripeGateway;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carts priced on the server, orders placed by guests or runners, and the payment of each
 * order through Stripe or the offline test payments.
 */
@Service
public class Orders {

	private static final Logger log = LoggerFactory.getLogger(Orders.class);

	/** The most photos in one order. */
	static final int MAX_PHOTOS = 500;

	private final OrderRepository orderRepository;

	private final CartRepository cartRepository;

	private final CartPricing pricing;

	private final Payments payments;

	private final Downloads downloads;

	private final StripeGateway stripe;

	private final ShopProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Orders(OrderRepository orderRepository, CartRepository cartRepository, CartPricing pricing, Payments payments,
			Downloads downloads, StripeGateway stripe, ShopProperties properties, TransactionTemplate transactions,
			Clock clock, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.orderRepository = orderRepository;
		this.cartRepository = cartRepository;
		this.pricing = pricing;
		this.payments = payments;
		this.downloads = downloads;
		this.stripe = stripe;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The price of a cart, as the order would be priced.
	 * @param request what is in the cart
	 * @param viewerId the signed-in account, or {@code null}
	 * @return the quote
	 */
	public Quote quote(Cart request, UUID viewerId) {
		return this.pricing.price(request, viewerId).quote();
	}

	/**
	 * Places an order and prepares its payment. Prices come from the server only.
	 * @param request what is bought, by whom
	 * @param viewerId the signed-in runner, or {@code null} for a guest
	 * @param locale the buyer's language, for the e-mails
	 * @return the order and its key
	 */
	public Placed place(Cart request, UUID viewerId, Locale locale) {
		String email = (request.email() != null) ? request.email().strip().toLowerCase(Locale.ROOT) : "";
		if (!EmailAddress.isWellFormed(email)) {
			throw new UserMistakeException("email.invalid");
		}
		CartPricing.Priced priced = this.pricing.price(request, viewerId);
		Quote quote = priced.quote();
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		// price() refused a paid order when there is no way to pay.
		String provider = (quote.amount() == 0) ? "free" : (this.properties.stripeEnabled() ? "stripe" : "test");
		String paymentId = "test".equals(provider) ? "test_" + id : null;
		Order order = new Order(id, priced.event().id(), email, "en".equals(locale.getLanguage()) ? "en" : "fr",
				viewerId, quote.allPhotosBib(), quote.resolution(), OrderStatus.PENDING, quote.amount(),
				quote.currency(), 0, CartPricing.describe(quote), provider, paymentId, null, null, now, null, null,
				null);
		List<OrderItem> items = new ArrayList<>();
		List<Photo> photos = priced.photos();
		for (int i = 0; i < photos.size(); i++) {
			// Each photo's part of the price, the odd cents to the first ones.
			long part = quote.amount() / photos.size() + ((i < quote.amount() % photos.size()) ? 1 : 0);
			items.add(new OrderItem(photos.get(i).id(), i, part, photos.get(i).uploaderId()));
		}
		// The idempotency key is stored with the order, before any call to Stripe. A free
		// order is fulfilled in the same transaction: never stored without its links.
		this.transactions.executeWithoutResult((status) -> {
			this.orderRepository.insertOrder(order, "pi-" + id, items);
			this.publisher.publishEvent(new CheckoutStarted(order.eventId()));
			if ("free".equals(provider)) {
				this.payments.fulfilFree(order);
			}
		});
		if ("stripe".equals(provider)) {
			try {
				preparePayment(order);
			}
			catch (PaymentUnavailableException ex) {
				// The order is kept without its payment; opening it tries again with the
				// same idempotency key.
			}
		}
		return new Placed(this.orderRepository.order(id).orElseThrow(), this.downloads.orderKey(id), quote);
	}

	/**
	 * Creates the Stripe PaymentIntent of an unpaid Stripe order that has none yet (after
	 * a failed call, the same idempotency key finds the same intent); any other order is
	 * returned as it is.
	 * @param order the order
	 * @return the order with its payment
	 */
	public Order preparePayment(Order order) {
		if (!order.byStripe() || !order.payable() || order.clientSecret() != null) {
			return order;
		}
		try {
			PaymentIntent intent = this.stripe.createPayment(order.id(), order.amount(), order.currency(),
					order.email(), this.orderRepository.idempotencyKey(order.id()));
			this.transactions.executeWithoutResult((status) -> this.orderRepository.setPayment(order.id(),
					intent.getId(), intent.getClientSecret(), this.clock.instant()));
			return this.orderRepository.order(order.id()).orElseThrow();
		}
		catch (StripeException ex) {
			log.warn("Stripe refused or did not answer the payment of order {}: {}", order.id(), ex.getMessage());
			throw new PaymentUnavailableException(ex);
		}
	}

	/**
	 * An order, for whoever holds its key or is the runner who placed it.
	 * @param id the order
	 * @param key the key, or {@code null}
	 * @param viewerId the signed-in account, or {@code null}
	 * @param viewerEmail that account's confirmed address, or {@code null}
	 * @return the order, or empty when it does not exist
	 * @throws Downloads.RefusedException when the key does not open it
	 */
	public Optional<Order> open(UUID id, String key, UUID viewerId, String viewerEmail) {
		Optional<Order> order = this.orderRepository.order(id);
		if (order.isEmpty()) {
			return order;
		}
		if (!ownedBy(order.get(), viewerId, viewerEmail) && !this.downloads.keyOpens(id, key)) {
			throw new Downloads.RefusedException(Downloads.Reason.WRONG);
		}
		return order;
	}

	/**
	 * Whether the signed-in account is the buyer: it placed the order, or the order's
	 * address is the account's confirmed one.
	 * @param order the order
	 * @param viewerId the signed-in account, or {@code null}
	 * @param viewerEmail that account's confirmed address, or {@code null}
	 * @return true for the buyer's own account
	 */
	public boolean ownedBy(Order order, UUID viewerId, String viewerEmail) {
		return viewerId != null && (viewerId.equals(order.accountId())
				|| (viewerEmail != null && viewerEmail.equalsIgnoreCase(order.email())));
	}

	/**
	 * The photos of an order.
	 * @param order the order
	 * @return the photo ids, in order
	 */
	public List<UUID> photoIds(Order order) {
		return this.orderRepository.items(order.id()).stream().map(OrderItem::photoId).toList();
	}

	/**
	 * An offline test payment: the buyer's choice reaches the order through the same code
	 * as a Stripe webhook.
	 * @param order the order
	 * @param succeeded whether the payment succeeds
	 * @return what came of it
	 */
	public Payments.Outcome testPayment(Order order, boolean succeeded) {
		if (!order.byTestPayments() || !this.properties.testPaymentsOn()) {
			throw new UserMistakeException("shop.testPayments.off");
		}
		String eventId = "test_evt_" + UUID.randomUUID();
		return this.payments.apply(PaymentUpdate.payment(eventId, "test", succeeded, order.paymentId(), order.id(),
				"test_ch_" + order.id(), order.amount(), order.currency(), "{\"id\":\"" + eventId + "\",\"type\":\""
						+ (succeeded ? PaymentUpdate.SUCCEEDED : PaymentUpdate.FAILED) + "\"}"));
	}

	/**
	 * The buyer came back from Stripe's payment page: when Stripe says the payment
	 * succeeded, the order is fulfilled now (the webhook then finds nothing to do, or the
	 * other way round).
	 * @param order the order
	 * @return the order as it stands
	 */
	public Order confirmReturn(Order order) {
		if (!order.byStripe() || order.paymentId() == null || order.status() != OrderStatus.PENDING) {
			return order;
		}
		try {
			PaymentIntent intent = this.stripe.payment(order.paymentId());
			if ("succeeded".equals(intent.getStatus())) {
				Long received = (intent.getAmountReceived() != null) ? intent.getAmountReceived() : intent.getAmount();
				this.payments.apply(PaymentUpdate.payment("return_" + intent.getId(), "stripe", true, intent.getId(),
						order.id(), intent.getLatestCharge(), received, intent.getCurrency(), intent.toJson()));
			}
		}
		catch (StripeException ex) {
			log.warn("Could not ask Stripe about order {}: {}", order.id(), ex.getMessage());
		}
		return this.orderRepository.order(order.id()).orElseThrow();
	}

	/**
	 * Gives a paid order fresh download links for the link lifetime. The order's key
	 * renews them only for a while after the payment; the buyer's signed-in account
	 * always can.
	 * @param order the order
	 * @param byOwner whether the buyer's own account asks (else the holder of the key)
	 * @return the order with its new links' end
	 */
	public Order renewLinks(Order order, boolean byOwner) {
		if (order.disputed()) {
			throw new UserMistakeException("shop.links.disputed", this.properties.supportEmail(), order.shortId());
		}
		if (!order.downloadable()) {
			throw new UserMistakeException("shop.links.notPaid");
		}
		if (!byOwner && !renewableWithKey(order)) {
			throw new UserMistakeException("shop.links.renewalOver", this.properties.linksRenewableFor().toDays(),
					this.properties.supportEmail(), order.shortId());
		}
		this.transactions.executeWithoutResult((status) -> this.orderRepository.setLinksUntil(order.id(),
				this.clock.instant().plus(this.properties.linkLifetime())));
		return this.orderRepository.order(order.id()).orElseThrow();
	}

	/**
	 * Whether the order's key may still renew its links.
	 * @param order a paid order
	 * @return true until {@link #keyRenewsLinksUntil(Order)}
	 */
	public boolean renewableWithKey(Order order) {
		Instant until = keyRenewsLinksUntil(order);
		return until != null && this.clock.instant().isBefore(until);
	}

	/**
	 * Until when the order's key renews its download links.
	 * @param order the order
	 * @return the payment plus {@code focusracer.shop.links-renewable-for}, or
	 * {@code null} while unpaid
	 */
	public Instant keyRenewsLinksUntil(Order order) {
		return (order.paidAt() != null) ? order.paidAt().plus(this.properties.linksRenewableFor()) : null;
	}

	/**
	 * The orders of a runner: placed while signed in, or with their address.
	 * @param accountId the runner
	 * @param email the runner's address
	 * @return newest first
	 */
	public List<Order> ofRunner(UUID accountId, String email) {
		return this.orderRepository.ordersOf(accountId, email);
	}

	/**
	 * Orders for admins.
	 * @param filter part of an address or id
	 * @return newest first
	 */
	public List<Order> search(String filter) {
		return this.orderRepository.orders(filter, 200);
	}

	public Optional<Order> get(UUID id) {
		return this.orderRepository.order(id);
	}

	/**
	 * The runner's cart kept in their account.
	 * @param accountId the runner
	 * @return the cart as the browser keeps it (JSON), or empty
	 */
	public Optional<String> savedCart(UUID accountId) {
		return this.cartRepository.cart(accountId);
	}

	public void saveCart(UUID accountId, String json) {
		if (json.length() > 64_000) {
			throw new UserMistakeException("shop.cart.tooBig");
		}
		this.transactions
			.executeWithoutResult((status) -> this.cartRepository.saveCart(accountId, json, this.clock.instant()));
	}

	/**
	 * A cart, as the browser or an API client sends it.
	 *
	 * @param eventSlug the event
	 * @param photoIds the photos chosen
	 * @param email the buyer's address (needed to order; the price cap counts earlier
	 * orders only for a signed-in account with a confirmed address)
	 * @param bib the bib for "all my photos", or {@code null}
	 * @param allPhotos whether the buyer takes all photos of that bib
	 * @param resolution what is bought, originals by default
	 */
	public record Cart(String eventSlug, List<UUID> photoIds, String email, String bib, boolean allPhotos,
			Resolution resolution) {

	}

	/**
	 * A placed order and the key that opens it.
	 *
	 * @param order the order
	 * @param key its secret key
	 * @param quote how it was priced
	 */
	public record Placed(Order order, String key, Quote quote) {

	}

	/**
	 * Stripe could not be reached or refused to prepare the payment.
	 */
	public static class PaymentUnavailableException extends RuntimeException {

		PaymentUnavailableException(Throwable cause) {
			super("The payment provider is not available", cause);
		}

	}

}

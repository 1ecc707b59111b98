package com.focusracer.shop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.shared.SiteUrl;
import com.focusracer.events.EventManagement;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shop.internal.Clawback;
import com.focusracer.shop.internal.Payout;
import com.focusracer.shop.internal.SaleShare;
import com.focusracer.shop.internal.PayoutRepository;
import com.focusracer.shop.internal.OrderRepository;
import com.focusracer.shop.internal.ShareRepository;
import com.focusracer.shop.internal.StripeGateway;
import com.stripe.exception.StripeException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What photographers and organizers earn: Stripe Connect (Express) onboarding, a
 * statement of every share of every sale, and the transfers of the shares due, each
 * recorded as a payout before Stripe is asked so that it is never paid twice.
 */
@Service
public class Payouts {

	private static final Logger log = LoggerFactory.getLogger(Payouts.class);

	/**
	 * How long a node works alone on a payout: past that, a payout still an intent is
	 * taken to be left by a stopped node.
	 */
	static final Duration CLAIM = Duration.ofMinutes(5);

	private final ShareRepository shareRepository;

	private final OrderRepository orderRepository;

	private final PayoutRepository payoutRepository;

	private final StripeGateway stripe;

	private final ShopProperties properties;

	private final EventManagement events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String baseUrl;

	Payouts(ShareRepository shareRepository, OrderRepository orderRepository, PayoutRepository payoutRepository,
			StripeGateway stripe, ShopProperties properties, EventManagement events, TransactionTemplate transactions,
			Clock clock, SiteUrl site) {
		this.shareRepository = shareRepository;
		this.orderRepository = orderRepository;
		this.payoutRepository = payoutRepository;
		this.stripe = stripe;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.baseUrl = site.root();
	}

	/**
	 * A pro account's statement: its shares, and what refunds after a payout took back.
	 * @param accountId the account
	 * @return its lines and totals
	 */
	public Statement statement(UUID accountId) {
		long earned = 0;
		long paidOut = -this.payoutRepository.netted(accountId);
		long fees = 0;
		Map<UUID, String> names = new HashMap<>();
		Function<UUID, String> name = (eventId) -> names.computeIfAbsent(eventId,
				(id) -> this.events.get(id).map((e) -> e.name()).orElse(""));
		List<Line> lines = new ArrayList<>();
		for (SaleShare share : this.shareRepository.shares(accountId)) {
			lines.add(new Line(share.createdAt(), name.apply(share.eventId()), share.orderId(), share.role(),
					share.gross(), share.fee(), share.amount(), share.currency(), share.status(), share.transferId()));
			if ("CANCELLED".equals(share.status())) {
				continue;
			}
			earned += share.amount();
			fees += share.fee();
			if ("PAID_OUT".equals(share.status())) {
				paidOut += share.amount();
			}
		}
		for (Clawback clawback : this.shareRepository.clawbacks(accountId)) {
			lines.add(new Line(clawback.createdAt(), name.apply(clawback.eventId()), clawback.orderId(),
					clawback.role(), 0, 0, -clawback.amount(), clawback.currency(), "CLAWED_BACK", null));
			earned -= clawback.amount();
		}
		for (Clawback fee : this.payoutRepository.stripeFees(accountId)) {
			lines.add(new Line(fee.createdAt(), name.apply(fee.eventId()), fee.orderId(), fee.role(), 0, 0,
					-fee.amount(), fee.currency(), "AGREED_FEE", null));
			earned -= fee.amount();
		}
		lines.sort(Comparator.comparing(Line::date).reversed());
		return new Statement(lines, earned, fees, paidOut, earned - paidOut,
				this.payoutRepository.payoutAccount(accountId), this.properties.stripeEnabled(),
				this.properties.platformFeePercent());
	}

	/**
	 * The statement as CSV (UTF-8, comma-separated, amounts in euros with a point).
	 * @param accountId the account
	 * @return the CSV text
	 */
	public String csv(UUID accountId) {
		StringBuilder csv = new StringBuilder(
				"date,event,order,role,sale,platform_fee,share,currency,status,transfer\n");
		for (Line line : statement(accountId).lines()) {
			csv.append(line.date().atOffset(ZoneOffset.UTC).toLocalDate())
				.append(',')
				.append(quote(line.eventName()))
				.append(',')
				.append(line.orderId())
				.append(',')
				.append(line.role())
				.append(',')
				.append(Money.plain(line.gross()))
				.append(',')
				.append(Money.plain(line.fee()))
				.append(',')
				.append(Money.plain(line.amount()))
				.append(',')
				.append(line.currency())
				.append(',')
				.append(line.status())
				.append(',')
				.append((line.transferId() != null) ? line.transferId() : "")
				.append('\n');
		}
		return csv.toString();
	}

	/**
	 * Starts (or resumes) Stripe Express onboarding.
	 * @param accountId the pro account
	 * @param email its address
	 * @return the Stripe page to send the pro to
	 */
	public String onboard(UUID accountId, String email) {
		if (!this.properties.stripeEnabled()) {
			throw new UserMistakeException("shop.payouts.noStripeError");
		}
		try {
			Optional<PayoutAccount> existing = this.payoutRepository.payoutAccount(accountId);
			String stripeAccount = existing.isPresent() ? existing.get().stripeAccountId()
					: this.stripe.createExpressAccount(email, "connect-" + accountId);
			if (existing.isEmpty()) {
				this.transactions.executeWithoutResult((status) -> this.payoutRepository.savePayoutAccount(accountId,
						stripeAccount, false, this.clock.instant()));
			}
			return this.stripe.onboardingLink(stripeAccount, this.baseUrl + "/pro/payouts/connect",
					this.baseUrl + "/pro/payouts?connected");
		}
		catch (StripeException ex) {
			log.warn("Stripe Connect onboarding failed for {}: {}", accountId, ex.getMessage());
			throw new UserMistakeException("shop.payouts.stripeFailed", ex.getMessage());
		}
	}

	/**
	 * Asks Stripe whether onboarding is complete.
	 * @param accountId the pro account
	 * @return true when payouts can be made
	 */
	public boolean refresh(UUID accountId) {
		Optional<PayoutAccount> account = this.payoutRepository.payoutAccount(accountId);
		if (account.isEmpty() || !this.properties.stripeEnabled()) {
			return false;
		}
		try {
			boolean ready = this.stripe.accountReady(account.get().stripeAccountId());
			this.transactions.executeWithoutResult((status) -> this.payoutRepository.savePayoutAccount(accountId,
					account.get().stripeAccountId(), ready, this.clock.instant()));
			return ready;
		}
		catch (StripeException ex) {
			log.warn("Could not read Stripe account of {}: {}", accountId, ex.getMessage());
			return account.get().ready();
		}
	}

	/**
	 * Transfers the shares due to pros whose Stripe account is ready, once the sale is
	 * older than {@code focusracer.shop.payout-holding-period}. Each payout is recorded
	 * (committed) before Stripe is asked, with an id that is the transfer's idempotency
	 * key and {@code transfer_group}; once Stripe answered, it is marked done with the
	 * transfer. A payout left between the two (a node stopped, Stripe did not answer) is
	 * looked up at Stripe before it is tried again: Stripe forgets idempotency keys after
	 * 24 hours, the transfer group it keeps.
	 * @return transfers made or found
	 */
	@Scheduled(initialDelayString = "${focusracer.shop.payouts-delay:PT1M}",
			fixedDelayString = "${focusracer.shop.payouts-every:PT10M}")
	public int payOutDue() {
		if (!this.properties.stripeEnabled()) {
			return 0;
		}
		int made = 0;
		Instant now = this.clock.instant();
		for (Payout unsettled : this.payoutRepository.unsettled(now, 200)) {
			if (this.payoutRepository.claim(unsettled.id(), now, now.plus(CLAIM))) {
				made += settle(unsettled, true);
			}
		}
		// Refunds and disputes land in the holding period, before the share leaves.
		Instant paidBefore = now.minus(this.properties.payoutHoldingPeriod());
		for (SaleShare share : this.shareRepository.dueShares(paidBefore, 200)) {
			Optional<PayoutAccount> account = this.payoutRepository.payoutAccount(share.accountId())
				.filter(PayoutAccount::ready);
			if (account.isEmpty() || share.amount() <= 0) {
				continue;
			}
			Optional<Payout> intent = this.transactions.execute((status) -> this.payoutRepository.recordIntent(share,
					account.get().stripeAccountId(), now, now.plus(CLAIM)));
			if (intent != null && intent.isPresent()) {
				made += settle(intent.get(), false);
			}
		}
		return made;
	}

	/**
	 * Makes (or, for an unsettled payout, first looks up) a payout's transfer and records
	 * it.
	 * @return 1 when recorded, else 0 (the payout stays an intent, tried again once its
	 * claim ends)
	 */
	private int settle(Payout payout, boolean lookUpFirst) {
		if (payout.amount() == 0) {
			// Wholly netted against what the pro owed: nothing to transfer.
			this.transactions
				.executeWithoutResult((status) -> this.payoutRepository.done(payout, null, this.clock.instant()));
			return 1;
		}
		try {
			Optional<String> found = lookUpFirst ? this.stripe.findTransfer(payout.id(), payout.group())
					: Optional.empty();
			String transfer;
			if (found.isPresent()) {
				transfer = found.get();
				log.warn("Payout {} (share {}) was transferred as {} before its bookkeeping stopped: recorded, "
						+ "not transferred again", payout.id(), payout.shareId(), transfer);
			}
			else {
				transfer = this.stripe.transfer(payout.amount(), payout.currency(), payout.stripeAccountId(),
						this.orderRepository.chargeId(payout.orderId()).orElse(null), payout.orderId(), payout.id(),
						payout.group());
			}
			this.transactions
				.executeWithoutResult((status) -> this.payoutRepository.done(payout, transfer, this.clock.instant()));
			return 1;
		}
		catch (StripeException ex) {
			log.warn("Payout {} (share {}) not transferred, tried again later: {}", payout.id(), payout.shareId(),
					ex.getMessage());
			this.payoutRepository.attemptFailed(payout.id(), ex.getMessage());
			return 0;
		}
		catch (RuntimeException ex) {
			// Stripe may have transferred: the payout stays an intent, looked up at
			// Stripe before any new transfer.
			log.error("Payout {} (share {}) could not be recorded; it is checked with Stripe on a later run",
					payout.id(), payout.shareId(), ex);
			return 0;
		}
	}

	private static String quote(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	/**
	 * A statement line: a share of a sale, or what a refund after its payout took back (a
	 * negative amount, netted against the next payouts).
	 *
	 * @param date when it was earned, or taken back
	 * @param eventName the sale's event
	 * @param orderId the sale
	 * @param role PHOTOGRAPHER or ORGANIZER
	 * @param gross the sale amount the share comes from (0 for a clawback)
	 * @param fee the platform fee taken from that amount
	 * @param amount the share, or minus what was taken back
	 * @param currency ISO code
	 * @param status DUE, PAYING, PAID_OUT, CANCELLED, CLAWED_BACK or AGREED_FEE (a fee
	 * the organizer paid through Stripe, netted against their payouts)
	 * @param transferId the Stripe transfer, once paid out
	 */
	public record Line(Instant date, String eventName, UUID orderId, String role, long gross, long fee, long amount,
			String currency, String status, String transferId) {

	}

	/**
	 * A pro account's statement.
	 *
	 * @param lines every share, newest first
	 * @param earned all shares (cancelled ones left out)
	 * @param fees the platform fees on the sales behind them
	 * @param paidOut what was transferred
	 * @param due what is still to transfer
	 * @param payoutAccount the Stripe account, when onboarding started
	 * @param stripeEnabled whether Stripe is configured
	 * @param feePercent the platform fee
	 */
	public record Statement(List<Line> lines, long earned, long fees, long paidOut, long due,
			Optional<PayoutAccount> payoutAccount, boolean stripeEnabled, int feePercent) {

	}

}

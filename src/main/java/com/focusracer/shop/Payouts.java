package com.focusracer.shop;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.shared.SiteUrl;
import com.focusracer.events.EventManagement;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shop.internal.ShopRepository;
import com.focusracer.shop.internal.StripeGateway;
import com.stripe.exception.StripeException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What photographers and organizers earn: Stripe Connect (Express) onboarding, a
 * statement of every share of every sale, and the transfers of the shares due, each with
 * the idempotency key stored with the share.
 */
@Service
public class Payouts {

	private static final Logger log = LoggerFactory.getLogger(Payouts.class);

	private final ShopRepository repository;

	private final StripeGateway stripe;

	private final ShopProperties properties;

	private final EventManagement events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String baseUrl;

	Payouts(ShopRepository repository, StripeGateway stripe, ShopProperties properties, EventManagement events,
			TransactionTemplate transactions, Clock clock, SiteUrl site) {
		this.repository = repository;
		this.stripe = stripe;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.baseUrl = site.root();
	}

	/**
	 * A pro account's statement.
	 * @param accountId the account
	 * @return its shares and totals
	 */
	public Statement statement(UUID accountId) {
		List<ShopRepository.Share> shares = this.repository.shares(accountId);
		long earned = 0;
		long paidOut = 0;
		long due = 0;
		long fees = 0;
		for (ShopRepository.Share share : shares) {
			if ("CANCELLED".equals(share.status())) {
				continue;
			}
			earned += share.amount();
			fees += share.fee();
			if ("PAID_OUT".equals(share.status())) {
				paidOut += share.amount();
			}
			else {
				due += share.amount();
			}
		}
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		List<Line> lines = shares.stream()
			.map((share) -> new Line(share,
					names.computeIfAbsent(share.eventId(),
							(id) -> this.events.get(id).map((e) -> e.name()).orElse(""))))
			.toList();
		return new Statement(lines, earned, fees, paidOut, due, this.repository.payoutAccount(accountId),
				this.properties.stripeEnabled(), this.properties.platformFeePercent());
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
			ShopRepository.Share share = line.share();
			csv.append(share.createdAt().atOffset(ZoneOffset.UTC).toLocalDate())
				.append(',')
				.append(quote(line.eventName()))
				.append(',')
				.append(share.orderId())
				.append(',')
				.append(share.role())
				.append(',')
				.append(Money.plain(share.gross()))
				.append(',')
				.append(Money.plain(share.fee()))
				.append(',')
				.append(Money.plain(share.amount()))
				.append(',')
				.append(share.currency())
				.append(',')
				.append(share.status())
				.append(',')
				.append((share.transferId() != null) ? share.transferId() : "")
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
			Optional<ShopRepository.PayoutAccount> existing = this.repository.payoutAccount(accountId);
			String stripeAccount = existing.isPresent() ? existing.get().stripeAccountId()
					: this.stripe.createExpressAccount(email, "connect-" + accountId);
			if (existing.isEmpty()) {
				this.transactions.executeWithoutResult((status) -> this.repository.savePayoutAccount(accountId,
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
		Optional<ShopRepository.PayoutAccount> account = this.repository.payoutAccount(accountId);
		if (account.isEmpty() || !this.properties.stripeEnabled()) {
			return false;
		}
		try {
			boolean ready = this.stripe.accountReady(account.get().stripeAccountId());
			this.transactions.executeWithoutResult((status) -> this.repository.savePayoutAccount(accountId,
					account.get().stripeAccountId(), ready, this.clock.instant()));
			return ready;
		}
		catch (StripeException ex) {
			log.warn("Could not read Stripe account of {}: {}", accountId, ex.getMessage());
			return account.get().ready();
		}
	}

	/**
	 * Transfers the shares due to pros whose Stripe account is ready. A share's transfer
	 * carries the share's own idempotency key: a retry after a crash never pays twice.
	 * @return transfers made
	 */
	@Scheduled(initialDelayString = "${focusracer.shop.payouts-delay:PT1M}",
			fixedDelayString = "${focusracer.shop.payouts-every:PT10M}")
	public int payOutDue() {
		if (!this.properties.stripeEnabled()) {
			return 0;
		}
		int made = 0;
		for (ShopRepository.Share share : this.repository.dueShares(200)) {
			Optional<ShopRepository.PayoutAccount> account = this.repository.payoutAccount(share.accountId())
				.filter(ShopRepository.PayoutAccount::ready);
			if (account.isEmpty() || share.amount() <= 0) {
				continue;
			}
			try {
				String transfer = this.stripe.transfer(share.amount(), share.currency(),
						account.get().stripeAccountId(), this.repository.chargeId(share.orderId()).orElse(null),
						share.orderId(), share.idempotencyKey());
				this.transactions.executeWithoutResult(
						(status) -> this.repository.sharePaidOut(share.id(), transfer, this.clock.instant()));
				made++;
			}
			catch (StripeException ex) {
				log.warn("Transfer of share {} failed, tried again later: {}", share.id(), ex.getMessage());
			}
		}
		return made;
	}

	private static String quote(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	/**
	 * A statement line.
	 *
	 * @param share the share
	 * @param eventName its event's name
	 */
	public record Line(ShopRepository.Share share, String eventName) {

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
			Optional<ShopRepository.PayoutAccount> payoutAccount, boolean stripeEnabled, int feePercent) {

	}

}

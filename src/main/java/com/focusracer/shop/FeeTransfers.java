package com.focusracer.shop;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.EventNotFoundException;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shop.internal.PayoutRepository;
import com.focusracer.shop.internal.StripeGateway;
import com.stripe.exception.StripeException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agreed fees paid through Stripe Connect when both pros onboarded: the platform
 * transfers the fee to the photographer's account and nets it against the organizer's
 * next payouts. Like payouts, the transfer is recorded (committed, the fee moved to
 * {@code PAYING} in the same transaction) before Stripe is asked, and looked up by its
 * transfer group before it is tried again.
 */
@Service
public class FeeTransfers {

	private static final Logger log = LoggerFactory.getLogger(FeeTransfers.class);

	private static final Duration CLAIM = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final PayoutRepository payoutRepository;

	private final StripeGateway stripe;

	private final ShopProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FeeTransfers(JdbcClient jdbc, PayoutRepository payoutRepository, StripeGateway stripe, ShopProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.payoutRepository = payoutRepository;
		this.stripe = stripe;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The organizer pays a fee they owe through Stripe.
	 * @param feeId the fee
	 * @param organizerId the caller, who must owe it
	 * @return true when it is paid (now, or by an earlier click), false when its transfer
	 * is recorded but Stripe has not answered yet (tried again later)
	 * @throws EventNotFoundException when the caller does not owe such a fee
	 * @throws UserMistakeException when a pro's Stripe account is not ready
	 */
	public boolean pay(UUID feeId, UUID organizerId) {
		Instant now = this.clock.instant();
		Intent intent = this.transactions.execute((status) -> recordIntent(feeId, organizerId, now));
		if (intent == null) {
			return true;
		}
		return settle(intent, false);
	}

	private Intent recordIntent(UUID feeId, UUID organizerId, Instant now) {
		// The row lock makes a double click or a second node wait, then see PAYING.
		Map<String, Object> fee = this.jdbc.sql("select * from agreed_fee where id = ? and organizer_id = ? for update")
			.params(feeId, organizerId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(EventNotFoundException::new);
		if (!"OWED".equals(fee.get("status"))) {
			return null;
		}
		Optional<PayoutAccount> organizer = this.payoutRepository.payoutAccount(organizerId)
			.filter(PayoutAccount::ready);
		Optional<PayoutAccount> photographer = this.payoutRepository.payoutAccount((UUID) fee.get("photographer_id"))
			.filter(PayoutAccount::ready);
		if (!this.properties.stripeEnabled() || organizer.isEmpty() || photographer.isEmpty()) {
			throw new UserMistakeException("shop.fees.notOnboarded");
		}
		this.jdbc.sql("update agreed_fee set status = 'PAYING', paid_via = 'STRIPE' where id = ?")
			.param(feeId)
			.update();
		Intent intent = new Intent(UUID.randomUUID(), feeId, photographer.get().stripeAccountId(),
				((Number) fee.get("amount")).longValue(), (String) fee.get("currency"));
		this.jdbc.sql("""
				insert into fee_transfer (id, fee_id, organizer_id, stripe_account_id, amount, currency, status,
				    claimed_until, created_at)
				values (?, ?, ?, ?, ?, ?, 'INTENT', ?, ?)""")
			.params(intent.id(), feeId, organizerId, intent.stripeAccountId(), intent.amount(), intent.currency(),
					Timestamp.from(now.plus(CLAIM)), Timestamp.from(now))
			.update();
		return intent;
	}

	/**
	 * Settles the fee transfers left as intents (a node stopped, Stripe did not answer)
	 * once their claim ended: looked up at Stripe by transfer group first.
	 * @return transfers recorded
	 */
	@Scheduled(initialDelayString = "${focusracer.shop.payouts-delay:PT1M}",
			fixedDelayString = "${focusracer.shop.payouts-every:PT10M}")
	public int settleUnsettled() {
		if (!this.properties.stripeEnabled()) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<Intent> unsettled = this.jdbc.sql("""
				select * from fee_transfer where status = 'INTENT' and (claimed_until is null or claimed_until <= ?)
				order by created_at limit 200""")
			.param(Timestamp.from(now))
			.query((rs, row) -> new Intent(rs.getObject("id", UUID.class), rs.getObject("fee_id", UUID.class),
					rs.getString("stripe_account_id"), rs.getLong("amount"), rs.getString("currency")))
			.list();
		int made = 0;
		for (Intent intent : unsettled) {
			boolean claimed = this.jdbc.sql("""
					update fee_transfer set claimed_until = ?, attempts = attempts + 1
					where id = ? and status = 'INTENT' and (claimed_until is null or claimed_until <= ?)""")
				.params(Timestamp.from(now.plus(CLAIM)), intent.id(), Timestamp.from(now))
				.update() == 1;
			if (claimed && settle(intent, true)) {
				made++;
			}
		}
		return made;
	}

	private boolean settle(Intent intent, boolean lookUpFirst) {
		try {
			Optional<String> found = lookUpFirst ? this.stripe.findTransfer(intent.id(), intent.group())
					: Optional.empty();
			String transfer = found.isPresent() ? found.get() : this.stripe.transferFee(intent.amount(),
					intent.currency(), intent.stripeAccountId(), intent.feeId(), intent.id(), intent.group());
			Timestamp now = Timestamp.from(this.clock.instant());
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("""
						update fee_transfer set status = 'DONE', transfer_id = ?, done_at = ?, last_error = null
						where id = ?""").params(transfer, now, intent.id()).update();
				this.jdbc.sql("update agreed_fee set status = 'PAID', paid_at = ?, transfer_id = ? where id = ?")
					.params(now, transfer, intent.feeId())
					.update();
			});
			return true;
		}
		catch (StripeException ex) {
			log.warn("Fee transfer {} (fee {}) not made, tried again later: {}", intent.id(), intent.feeId(),
					ex.getMessage());
			this.jdbc.sql("update fee_transfer set last_error = ? where id = ?")
				.params(ex.getMessage(), intent.id())
				.update();
			return false;
		}
		catch (RuntimeException ex) {
			log.error("Fee transfer {} (fee {}) could not be recorded; it is checked with Stripe on a later run",
					intent.id(), intent.feeId(), ex);
			return false;
		}
	}

	private record Intent(UUID id, UUID feeId, String stripeAccountId, long amount, String currency) {

		String group() {
			return "fee-" + this.feeId;
		}

	}

}

package com.focusracer.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed fees organizers agreed to pay photographers (through the marketplace): recorded
 * as owed, shown in both pros' statements, marked paid by the organizer once paid by
 * hand, or paid through Stripe Connect ({@link FeeTransfers}) when both pros onboarded.
 */
@Service
@Transactional
public class AgreedFees {

	private final JdbcClient jdbc;

	private final EventManagement events;

	private final Clock clock;

	private final ShopProperties properties;

	AgreedFees(JdbcClient jdbc, EventManagement events, Clock clock, ShopProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a fee owed; recording the same reference again changes nothing.
	 * @param reference what it comes from (e.g. the marketplace application), unique
	 * @param eventId the event
	 * @param organizerId who owes it
	 * @param photographerId who is owed it
	 * @param amount in minor units, more than zero
	 * @param currency ISO code
	 */
	public void owe(String reference, UUID eventId, UUID organizerId, UUID photographerId, long amount,
			String currency) {
		this.jdbc.sql("""
				insert into agreed_fee (id, reference, event_id, organizer_id, photographer_id, amount, currency,
				    status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, 'OWED', ?)
				on conflict (reference) do update set status = 'OWED', amount = excluded.amount
				where agreed_fee.status = 'CANCELLED'""")
			.params(UUID.randomUUID(), reference, eventId, organizerId, photographerId, amount, currency,
					Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Cancels a fee still owed (the photographer withdrew).
	 * @param reference what it came from
	 */
	public void cancel(String reference) {
		this.jdbc.sql("update agreed_fee set status = 'CANCELLED' where reference = ? and status = 'OWED'")
			.param(reference)
			.update();
	}

	/**
	 * The organizer says they paid it.
	 * @param feeId the fee
	 * @param organizerId the caller, who must owe it
	 * @throws EventNotFoundException when the caller does not owe such a fee
	 */
	public void markPaid(UUID feeId, UUID organizerId) {
		int changed = this.jdbc.sql("""
				update agreed_fee set status = 'PAID', paid_at = ?, paid_via = 'HAND'
				where id = ? and organizer_id = ? and status = 'OWED'""")
			.params(Timestamp.from(this.clock.instant()), feeId, organizerId)
			.update();
		if (changed == 0 && this.jdbc.sql("select count(*) from agreed_fee where id = ? and organizer_id = ?")
			.params(feeId, organizerId)
			.query(Integer.class)
			.single() == 0) {
			throw new EventNotFoundException();
		}
	}

	/**
	 * The fees an account owes or is owed, newest first.
	 * @param accountId the pro
	 * @return the fees
	 */
	@Transactional(readOnly = true)
	public List<AgreedFee> of(UUID accountId) {
		return this.jdbc.sql("""
				select f.*, coalesce(po.ready and pp.ready, false) as stripe_ready from agreed_fee f
				left join payout_account po on po.account_id = f.organizer_id
				left join payout_account pp on pp.account_id = f.photographer_id
				where (f.organizer_id = :account or f.photographer_id = :account)
				  and f.status <> 'CANCELLED' order by f.created_at desc limit 500""")
			.param("account", accountId)
			.query(this::map)
			.list();
	}

	private AgreedFee map(ResultSet rs, int row) throws SQLException {
		UUID eventId = rs.getObject("event_id", UUID.class);
		Timestamp paid = rs.getTimestamp("paid_at");
		return new AgreedFee(rs.getObject("id", UUID.class), eventId,
				this.events.get(eventId).map((event) -> event.name()).orElse(""),
				rs.getObject("organizer_id", UUID.class), rs.getObject("photographer_id", UUID.class),
				rs.getLong("amount"), rs.getString("currency"), rs.getString("status"),
				rs.getTimestamp("created_at").toInstant(), (paid != null) ? paid.toInstant() : null,
				rs.getString("paid_via"), this.properties.stripeEnabled() && rs.getBoolean("stripe_ready"));
	}

}

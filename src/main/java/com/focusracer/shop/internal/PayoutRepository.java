package com.focusracer.shop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.shop.PayoutAccount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pros' Stripe accounts and the transfers to them: each payout is an intent,
 * committed before Stripe is asked, then done with Stripe's transfer id.
 */
@Repository
public class PayoutRepository {

	private final JdbcClient jdbc;

	PayoutRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PayoutAccount> payoutAccount(UUID accountId) {
		return this.jdbc.sql("select * from payout_account where account_id = ?")
			.param(accountId)
			.query((rs, row) -> new PayoutAccount(accountId, rs.getString("stripe_account_id"), rs.getBoolean("ready")))
			.optional();
	}

	public void savePayoutAccount(UUID accountId, String stripeAccountId, boolean ready, Instant now) {
		this.jdbc.sql("""
				insert into payout_account (account_id, stripe_account_id, ready, created_at) values (?, ?, ?, ?)
				on conflict (account_id) do update set stripe_account_id = excluded.stripe_account_id,
				    ready = excluded.ready""").params(accountId, stripeAccountId, ready, Timestamp.from(now)).update();
	}

	/**
	 * Records the intent to pay a share out, and moves the share to {@code PAYING}: it is
	 * in no other payout, and a refund no longer lowers it in place.
	 * @param share a share due
	 * @param stripeAccountId where it goes
	 * @param now when
	 * @param claimedUntil until when this node alone works on it
	 * @return the payout, or empty when the share is no longer due (another node took it)
	 */
	public Optional<Payout> recordIntent(SaleShare share, String stripeAccountId, Instant now, Instant claimedUntil) {
		// One payout at a time per pro: what is owed is netted once.
		this.jdbc.sql("select account_id from payout_account where account_id = ? for update")
			.param(share.accountId())
			.query(UUID.class)
			.optional();
		int taken = this.jdbc.sql("update sale_share set status = 'PAYING' where id = ? and status = 'DUE'")
			.param(share.id())
			.update();
		if (taken == 0) {
			return Optional.empty();
		}
		long netted = Math.min(Math.max(owed(share.accountId(), share.currency()), 0), share.amount());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into payout (id, share_id, account_id, stripe_account_id, amount, netted, currency, status,
				    attempts, claimed_until, created_at)
				values (?, ?, ?, ?, ?, ?, ?, 'INTENT', 1, ?, ?)""")
			.params(id, share.id(), share.accountId(), stripeAccountId, share.amount() - netted, netted,
					share.currency(), Timestamp.from(claimedUntil), Timestamp.from(now))
			.update();
		return payout(id);
	}

	/**
	 * What a pro owes back: the shares taken back after they were paid out and the agreed
	 * fees the platform transferred for them (as organizer), less what payouts already
	 * netted.
	 * @param accountId the pro
	 * @param currency ISO code
	 * @return the amount, in minor units
	 */
	public long owed(UUID accountId, String currency) {
		return this.jdbc.sql("""
				select (select coalesce(sum(amount), 0) from share_clawback where account_id = ? and currency = ?)
				     + (select coalesce(sum(amount), 0) from fee_transfer where organizer_id = ? and currency = ?)
				     - (select coalesce(sum(netted), 0) from payout where account_id = ? and currency = ?)""")
			.params(accountId, currency, accountId, currency, accountId, currency)
			.query(Long.class)
			.single();
	}

	/**
	 * What payouts of a pro netted, in all.
	 * @param accountId the pro
	 * @return the amount
	 */
	public long netted(UUID accountId) {
		return this.jdbc.sql("select coalesce(sum(netted), 0) from payout where account_id = ? and status = 'DONE'")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	/**
	 * The agreed fees an organizer paid through Stripe (the platform transferred them;
	 * the organizer's payouts net them), for their statement.
	 * @param accountId the organizer
	 * @return the fees, as amounts taken from the earnings
	 */
	public List<Clawback> stripeFees(UUID accountId) {
		return this.jdbc.sql("""
				select t.*, f.event_id from fee_transfer t join agreed_fee f on f.id = t.fee_id
				where t.organizer_id = ? order by t.created_at desc limit 500""")
			.param(accountId)
			.query((rs, row) -> new Clawback(rs.getObject("fee_id", UUID.class), rs.getObject("fee_id", UUID.class),
					rs.getObject("event_id", UUID.class), "ORGANIZER", rs.getLong("amount"), rs.getString("currency"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	public Optional<Payout> payout(UUID id) {
		return this.jdbc
			.sql("select p.*, s.order_id from payout p join sale_share s on s.id = p.share_id where p.id = ?")
			.param(id)
			.query(PayoutRepository::mapPayout)
			.optional();
	}

	/**
	 * The payouts recorded but not known to be done — a node stopped, or Stripe did not
	 * answer, between the intent and its bookkeeping — that no node works on now.
	 * @param now the time
	 * @param limit how many at most
	 * @return the oldest first
	 */
	public List<Payout> unsettled(Instant now, int limit) {
		return this.jdbc.sql("""
				select p.*, s.order_id from payout p join sale_share s on s.id = p.share_id
				where p.status = 'INTENT' and (p.claimed_until is null or p.claimed_until <= ?)
				order by p.created_at limit ?""")
			.params(Timestamp.from(now), limit)
			.query(PayoutRepository::mapPayout)
			.list();
	}

	/**
	 * Takes an unsettled payout for this node until a time.
	 * @return true when this node has it
	 */
	public boolean claim(UUID id, Instant now, Instant until) {
		return this.jdbc.sql("""
				update payout set claimed_until = ?, attempts = attempts + 1
				where id = ? and status = 'INTENT' and (claimed_until is null or claimed_until <= ?)""")
			.params(Timestamp.from(until), id, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Records a payout's transfer, and its share as paid out.
	 * @param payout the payout
	 * @param transferId Stripe's transfer, {@code null} when nothing had to be
	 * transferred
	 * @param now when
	 */
	public void done(Payout payout, String transferId, Instant now) {
		this.jdbc.sql("update payout set status = 'DONE', transfer_id = ?, done_at = ?, last_error = null where id = ?")
			.params(transferId, Timestamp.from(now), payout.id())
			.update();
		this.jdbc.sql("update sale_share set status = 'PAID_OUT', transfer_id = ?, paid_out_at = ? where id = ?")
			.params(transferId, Timestamp.from(now), payout.shareId())
			.update();
	}

	/**
	 * Notes why a payout's transfer did not go through; it stays an intent, tried again.
	 */
	public void attemptFailed(UUID id, String error) {
		this.jdbc.sql("update payout set last_error = ? where id = ?").params(error, id).update();
	}

	private static Payout mapPayout(ResultSet rs, int row) throws SQLException {
		return new Payout(rs.getObject("id", UUID.class), rs.getObject("share_id", UUID.class),
				rs.getObject("order_id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("stripe_account_id"), rs.getLong("amount"), rs.getLong("netted"), rs.getString("currency"),
				rs.getString("status"), rs.getString("transfer_id"), rs.getInt("attempts"));
	}

}

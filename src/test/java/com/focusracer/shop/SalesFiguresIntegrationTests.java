package com.focusracer.shop;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' sales by day: closed days are summed up once and kept, and a refund
 * makes its order's day be summed again.
 */
@SpringBootTest
class SalesFiguresIntegrationTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	SalesFigures sales;

	@Autowired
	Orders orders;

	@Autowired
	Refunds refunds;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClosedDayIsSummedUpOnceAndSummedAgainAfterARefund() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(owner, "Ventes passées");
		UUID photo = this.shop.publish(event, owner, ShopTestUtils.runners("7", 1)).keySet().iterator().next();
		Orders.Placed placed = this.orders.place(new Orders.Cart(event.slug(), List.of(photo),
				AccountsTestUtils.uniqueEmail("buyer"), null, false, null), null, Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		// Paid today: read live.
		long paidFee = this.jdbc.sql("select fee from sale_share where role = 'PLATFORM' and order_id = ?")
			.param(placed.order().id())
			.query(Long.class)
			.single();
		assertThat(this.sales.earningsOf(owner.id()))
			.containsExactly(new SalesFigures.EventEarnings(event.id(), 1, 500, 500 - paidFee));
		// Paid on a day long closed (a day no other test sells on, and beyond what a
		// dashboard of 12 months compared with the 12 before reads and keeps).
		LocalDate day = LocalDate.now(PARIS).minusDays(3000 + (int) (Math.random() * 1000));
		this.jdbc.sql("update shop_order set paid_at = ? where id = ?")
			.params(java.sql.Timestamp.from(day.atTime(12, 0).atZone(PARIS).toInstant()), placed.order().id())
			.update();
		assertThat(this.sales.byDay(day, day, null)).extracting(SalesFigures.Day::gmv).containsExactly(500L);
		assertThat(this.sales.byEvent(day, day)).containsExactly(new SalesFigures.EventSales(event.id(), 1, 500));
		long fee = this.jdbc.sql("select fee from sale_share where role = 'PLATFORM' and order_id = ?")
			.param(placed.order().id())
			.query(Long.class)
			.single();
		assertThat(this.sales.byDay(day, day, null)).extracting(SalesFigures.Day::fees).containsExactly(fee);
		assertThat(this.sales.earnings(day, day, "PHOTOGRAPHER", null))
			.containsExactly(new SalesFigures.Earnings(owner.id(), 1, 500, 500 - fee));
		// The pro's statistics read the same kept sums, by event (all roles together) and
		// for one event by role.
		assertThat(this.sales.earningsOf(owner.id()))
			.containsExactly(new SalesFigures.EventEarnings(event.id(), 1, 500, 500 - fee));
		this.jdbc.sql("update shop_earnings_event_day set earned = earned - 1 where event_id = ?")
			.param(event.id())
			.update();
		assertThat(this.sales.earningsOf(owner.id()))
			.containsExactly(new SalesFigures.EventEarnings(event.id(), 1, 500, 500 - fee - 1));
		assertThat(this.sales.earnings(day, day, "PHOTOGRAPHER", event.id()))
			.containsExactly(new SalesFigures.Earnings(owner.id(), 1, 500, 500 - fee - 1));
		// Kept: an order slipped into that day behind the shop's back is not seen...
		this.jdbc.sql("update shop_sales_day set gmv = 499 where day = ?").param(java.sql.Date.valueOf(day)).update();
		assertThat(this.sales.byDay(day, day, null)).extracting(SalesFigures.Day::gmv).containsExactly(499L);
		// ... until a refund of one of its orders: the day is summed again, without the
		// fee of an order refunded in full.
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		this.refunds.refund(placed.order().id(), null, admin.id(), admin.email());
		assertThat(this.sales.byDay(day, day, null)).extracting(SalesFigures.Day::gmv, SalesFigures.Day::fees)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(500L, 0L));
		assertThat(this.sales.earnings(day, day, "PHOTOGRAPHER", null)).isEmpty();
		assertThat(this.sales.earningsOf(owner.id())).isEmpty();
		// The same figures as the event's own.
		assertThat(this.sales.byDay(day, day, event.id())).extracting(SalesFigures.Day::gmv, SalesFigures.Day::fees)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(500L, 0L));
	}

}

package com.focusracer.analytics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.shop.Orders;
import com.focusracer.shop.Refunds;
import com.focusracer.shop.ShopTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static com.focusracer.accounts.AccountsTestUtils.logIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every figure of the admin dashboard is a count made in the database: one event's
 * visits, sales and refund moved to a day nobody else uses, then each tile of that day
 * compared with the same figure counted in SQL from the orders, shares, refunds, start
 * list and counters, and with the day before (nothing).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardFiguresIntegrationTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	Refunds refunds;

	@Autowired
	StartLists startLists;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachTileOfADayIsTheDatabasesCountOfThatDay() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(owner, "Chiffres");
		for (int i = 1; i <= 4; i++) {
			this.startLists.save(event.id(), owner.id(),
					new Runner("7" + i, "A", "B" + i, null, "SEM", null, null, null, "SAS " + i, null));
		}
		List<UUID> photos = new ArrayList<>(this.shop.publish(event, owner, ShopTestUtils.runners("71", 3)).keySet());
		this.mvc.perform(get("/events/" + event.slug())).andExpect(status().isOk());
		this.mvc.perform(get("/events/" + event.slug())).andExpect(status().isOk());
		this.mvc.perform(get("/events/" + event.slug()).param("q", "71")).andExpect(status().isOk());
		this.mvc.perform(post("/events/" + event.slug() + "/cart-additions").with(csrf()))
			.andExpect(status().isNoContent());
		List<UUID> orderIds = new ArrayList<>();
		for (UUID photo : photos) {
			Orders.Placed placed = this.orders.place(new Orders.Cart(event.slug(), List.of(photo),
					AccountsTestUtils.uniqueEmail("buyer"), null, false, null), null, Locale.FRENCH);
			this.orders.testPayment(placed.order(), true);
			orderIds.add(placed.order().id());
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
				.param("%" + event.id() + "%")
				.query(Long.class)
				.single()).isZero());
		// Everything of this event happens on a day no other test uses: after the
		// statistics' beginning (2020), before what a 12-month dashboard and the 12
		// months before it read.
		LocalDate day = LocalDate.now(PARIS).minusDays(800 + (int) (Math.random() * 1500));
		Timestamp noon = Timestamp.from(day.atTime(12, 0).atZone(PARIS).toInstant());
		this.jdbc.sql("update shop_order set paid_at = ? where event_id = ?").params(noon, event.id()).update();
		this.jdbc.sql("update analytics_counter set day = ? where event_id = ?")
			.params(Date.valueOf(day), event.id())
			.update();
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		this.refunds.refund(orderIds.get(0), null, admin.id(), admin.email());
		this.jdbc.sql("update refund set created_at = ? where order_id = ?").params(noon, orderIds.get(0)).update();

		MockHttpSession session = logIn(this.mvc, admin);
		String page = this.mvc
			.perform(get("/admin").param("period", "custom")
				.param("from", day.toString())
				.param("to", day.toString())
				.session(session)
				.header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Formats fr = new Formats(Locale.FRENCH);
		long gmv = count("select sum(amount) from shop_order where paid_at = ? and status in"
				+ " ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')", noon);
		long orders = count("select count(*) from shop_order where paid_at = ? and status in"
				+ " ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')", noon);
		long fees = count("select sum(s.fee) from sale_share s join shop_order o on o.id = s.order_id"
				+ " where o.paid_at = ? and s.role = 'PLATFORM' and o.status <> 'REFUNDED'", noon);
		long refunded = count("select sum(amount) from refund where created_at = ? and failed_at is null", noon);
		long runners = count("select count(*) from start_list_entry where event_id = ?", event.id());
		long views = counter(day, "EVENT_PAGE_VIEW");
		long searches = counter(day, "NAME_SEARCH") + counter(day, "NAME_SEARCH_EMPTY") + counter(day, "BIB_SEARCH")
				+ counter(day, "BIB_SEARCH_EMPTY");
		long uploaded = counter(day, "PHOTO_UPLOADED");
		long published = counter(day, "PHOTO_PUBLISHED");
		assertThat(List.of(gmv, orders, refunded, runners, views, searches, uploaded, published)).containsExactly(1500L,
				3L, 500L, 4L, 2L, 1L, 3L, 3L);
		assertThat(fees).isPositive();
		assertThat(tile(page, "kpi-gmv")).isEqualTo(fr.money(gmv));
		assertThat(tile(page, "kpi-orders")).isEqualTo(fr.number(orders));
		assertThat(tile(page, "kpi-fees")).isEqualTo(fr.money(fees));
		assertThat(tile(page, "kpi-aov")).isEqualTo(fr.money(gmv / orders));
		assertThat(tile(page, "kpi-refunds")).isEqualTo(fr.money(refunded));
		assertThat(tile(page, "kpi-per-participant")).isEqualTo(fr.money(gmv / runners)).isEqualTo("3,75\u00a0€");
		assertThat(page).contains(fr.number(runners) + " coureurs inscrits");
		assertThat(tile(page, "kpi-views")).isEqualTo(fr.number(views));
		assertThat(tile(page, "kpi-searches")).isEqualTo(fr.number(searches));
		assertThat(tile(page, "kpi-conversion")).isEqualTo(fr.percent((double) orders / searches));
		assertThat(tile(page, "kpi-uploaded")).isEqualTo(fr.number(uploaded));
		assertThat(tile(page, "kpi-published")).isEqualTo(fr.number(published));
		// The top event is this one, with the same sales.
		assertThat(page).containsPattern("(?s)id=\"top-events\".*" + event.name() + ".*" + fr.money(gmv));
		// The export says the same, with the day before (nothing sold) beside it.
		String csv = this.mvc
			.perform(get("/admin/dashboard.csv").param("period", "custom")
				.param("from", day.toString())
				.param("to", day.toString())
				.session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("kpi,gmv," + gmv + ",0")
			.contains("kpi,orders," + orders + ",0")
			.contains("kpi,fees," + fees + ",0")
			.contains("kpi,refunds," + refunded + ",0")
			.contains("kpi,revenuePerParticipant," + (gmv / runners) + ",0")
			.contains("kpi,participants," + runners + ",0")
			.contains("kpi,pageViews," + views + ",0");
		// The pro's overview: the event's sales, and what the pro earns, counted from the
		// shares (the refunded order's are cancelled).
		long yours = this.jdbc
			.sql("select sum(s.amount) from sale_share s join shop_order o on o.id = s.order_id"
					+ " where o.event_id = ? and s.account_id = ? and s.status <> 'CANCELLED'")
			.params(event.id(), owner.id())
			.query(Long.class)
			.single();
		String overview = this.mvc.perform(get("/pro/stats").session(logIn(this.mvc, owner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overview).containsPattern("(?s)data-event-id=\"" + event.id() + "\".*data-col=\"gmv\">"
				+ fr.money(gmv) + "<.*data-col=\"yours\">" + fr.money(yours) + "<");
	}

	private long count(String sql, Object param) {
		Long value = this.jdbc.sql(sql).param(param).query(Long.class).single();
		return (value != null) ? value : 0;
	}

	private long counter(LocalDate day, String metric) {
		return count("select coalesce(sum(count), 0) from analytics_counter where day = '" + day + "' and metric = ?",
				metric);
	}

	private static String tile(String page, String id) {
		String marker = "data-kpi=\"" + id + "\">";
		int start = page.indexOf(marker);
		assertThat(start).as(id).isPositive();
		return page.substring(start + marker.length(), page.indexOf('<', start));
	}

}

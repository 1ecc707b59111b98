package com.focusracer.analytics;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.photos.PhotoFigures;
import com.focusracer.shop.Orders;
import com.focusracer.shop.SalesFigures;
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
 * The numbers the dashboards show are the visits and sales that happened: page views and
 * searches made through the public pages, orders paid through the shop, each counted
 * once, on the pages as in their CSV exports.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnalyticsIntegrationTests {

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
	SalesFigures sales;

	@Autowired
	PhotoFigures photoFigures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDashboardCountsThePageViewsSearchesAndPaidOrdersThatHappenedOnPageAndInItsCsv() throws Exception {
		MockHttpSession admin = logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));
		Map<String, String> before = kpis(csv(this.mvc.perform(get("/admin/dashboard.csv?period=7d").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()));
		Sale sale = aSaleOfThreeOrders();
		String page = this.mvc.perform(get("/admin?period=7d").session(admin).header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, String> after = kpis(csv(this.mvc.perform(get("/admin/dashboard.csv?period=7d").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString()));
		assertThat(delta(after, before, "orders")).isEqualTo(3);
		assertThat(delta(after, before, "gmv")).isEqualTo(3 * 500);
		assertThat(delta(after, before, "fees")).isEqualTo(sale.fees());
		assertThat(delta(after, before, "pageViews")).isEqualTo(2);
		assertThat(delta(after, before, "searches")).isEqualTo(1);
		assertThat(delta(after, before, "photosUploaded")).isEqualTo(3);
		// The page shows what the export says, in French.
		Formats french = new Formats(Locale.FRENCH);
		assertThat(page).contains("data-kpi=\"kpi-orders\">" + french.number(Long.parseLong(after.get("orders"))) + "<")
			.contains("data-kpi=\"kpi-gmv\">" + french.money(Long.parseLong(after.get("gmv"))) + "<")
			.contains("data-kpi=\"kpi-views\">" + french.number(Long.parseLong(after.get("pageViews"))) + "<")
			.contains("Tableau de bord");
		assertThat(french.money(1500)).isEqualTo("15,00\u00a0€");
		// Each chart is SVG drawn on the server, a title per bar, and its table.
		assertThat(page).contains("<svg").contains("id=\"chart-gmv\"").contains("<rect class=\"chart-bar\"");
		assertThat(page).containsPattern("<rect class=\"chart-bar\"[^>]*><title>[^<]+ : [^<]+</title></rect>");
		assertThat(page).contains("<table class=\"chart-table\">").doesNotContain("<script>");
		// The accounts by role are those the database holds.
		long runners = this.jdbc.sql("select count(*) from account where role = 'RUNNER'").query(Long.class).single();
		assertThat(page).containsPattern("Coureurs</th><td class=\"number\">" + french.number(runners) + "<");
	}

	@Test
	void theDashboardSpeaksEnglishToWhoAsks() throws Exception {
		MockHttpSession admin = logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));
		String page = this.mvc.perform(get("/admin?period=12m&lang=en").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Dashboard").contains("Last 12 months").contains("€").contains("<svg");
	}

	@Test
	void anEventsStatisticsAreItsTeamsAndCountItsOwnFunnel() throws Exception {
		Sale sale = aSaleOfThreeOrders();
		MockHttpSession owner = logIn(this.mvc, sale.owner());
		String page = this.mvc.perform(get("/pro/events/" + sale.event().id() + "/stats").session(owner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.containsPattern(
					"data-metric=\"EVENT_PAGE_VIEW\"><th scope=\"row\">[^<]*</th>\\s*<td class=\"number\">2</td>")
			.containsPattern("data-metric=\"ORDER_PAID\"><th scope=\"row\">[^<]*</th>\\s*<td class=\"number\">3</td>")
			.containsPattern(
					"data-metric=\"BIB_SEARCH\"><th scope=\"row\">[^<]*</th>\\s*<td class=\"number\">1</td>\\s*<td class=\"number\">1</td>")
			.contains("data-kpi=\"orders\">3<")
			.contains("data-kpi=\"gmv\">15,00\u00a0€<")
			.contains("<svg");
		String csv = this.mvc.perform(get("/pro/events/" + sale.event().id() + "/stats.csv").session(owner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("funnel,EVENT_PAGE_VIEW,2")
			.contains("funnel,ORDER_PAID,3")
			.contains("funnel,CHECKOUT_STARTED,3")
			.contains("funnel,PHOTO_VIEW,1")
			.contains("funnel,CART_ADD,1")
			.contains("funnel,BIB_SEARCH_EMPTY,1")
			.contains("sales,orders,3")
			.contains("sales,gmv,1500")
			.contains("pack,PHOTOS,1,3,1500");
		// The owner took the photos: what they earn is all but the platform's fee.
		assertThat(csv).contains("sales,yours," + (1500 - sale.fees()));
		String overview = this.mvc.perform(get("/pro/stats").session(owner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overview).contains("/pro/events/" + sale.event().id() + "/stats");
		// Both are linked from the pro's pages.
		assertThat(this.mvc.perform(get("/pro/events/" + sale.event().id()).session(owner))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("href=\"/pro/events/" + sale.event().id() + "/stats\"");
		assertThat(this.mvc.perform(get("/pro").session(owner)).andReturn().getResponse().getContentAsString())
			.contains("href=\"/pro/stats\"");
		// Another pro sees nothing of it.
		MockHttpSession stranger = logIn(this.mvc, this.accounts.aPro(ProProfile.ORGANIZER));
		this.mvc.perform(get("/pro/events/" + sale.event().id() + "/stats").session(stranger))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/pro/events/" + sale.event().id() + "/stats.csv").session(stranger))
			.andExpect(status().isNotFound());
	}

	@Test
	void theShopAndPhotoFiguresAreTheEventsOrdersAndUploads() throws Exception {
		Sale sale = aSaleOfThreeOrders();
		LocalDate today = LocalDate.now(PARIS);
		List<SalesFigures.Day> days = this.sales.byDay(today.minusDays(1), today, sale.event().id());
		assertThat(days).extracting(SalesFigures.Day::orders).containsExactly(3L);
		assertThat(days).extracting(SalesFigures.Day::gmv).containsExactly(1500L);
		assertThat(days).extracting(SalesFigures.Day::fees).containsExactly(sale.fees());
		assertThat(this.sales.byPack(sale.event().id())).containsExactly(new SalesFigures.PackSales(false, 1, 3, 1500));
		assertThat(this.photoFigures.byPhotographer(sale.event().id()))
			.containsExactly(new PhotoFigures.ByPhotographer(sale.owner().id(), 3, 3));
		assertThat(this.photoFigures.byHour(sale.event().id())).extracting(PhotoFigures.ByHour::photos)
			.containsExactly(3L);
	}

	record Sale(TestAccount owner, Event event, long fees) {
	}

	/**
	 * An event with three photos, two visits of its page, a search for a bib nobody wore,
	 * and three paid orders of one photo each.
	 */
	private Sale aSaleOfThreeOrders() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(owner, "Analytics");
		List<UUID> photos = new ArrayList<>(this.shop.publish(event, owner, ShopTestUtils.runners("42", 3)).keySet());
		this.mvc.perform(get("/events/" + event.slug())).andExpect(status().isOk());
		this.mvc.perform(get("/events/" + event.slug())).andExpect(status().isOk());
		this.mvc.perform(get("/events/" + event.slug()).param("q", "98765")).andExpect(status().isOk());
		this.mvc.perform(get("/events/" + event.slug() + "/photos/" + photos.get(0))).andExpect(status().isOk());
		this.mvc.perform(post("/events/" + event.slug() + "/cart-additions").with(csrf()))
			.andExpect(status().isNoContent());
		List<UUID> orderIds = new ArrayList<>();
		for (UUID photo : photos) {
			Orders.Placed placed = this.orders.place(new Orders.Cart(event.slug(), List.of(photo),
					AccountsTestUtils.uniqueEmail("buyer"), null, false, null), null, Locale.FRENCH);
			this.orders.testPayment(placed.order(), true);
			orderIds.add(placed.order().id());
		}
		// The counts made after the shop's and the pipeline's commits are in.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
				.param("%" + event.id() + "%")
				.query(Long.class)
				.single()).isZero());
		long fees = this.jdbc
			.sql("select coalesce(sum(fee), 0) from sale_share where role = 'PLATFORM' and order_id in (:ids)")
			.param("ids", orderIds)
			.query(Long.class)
			.single();
		assertThat(fees).isPositive();
		return new Sale(owner, event, fees);
	}

	private static List<CSVRecord> csv(String text) throws Exception {
		return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
	}

	private static Map<String, String> kpis(List<CSVRecord> records) {
		Map<String, String> kpis = new HashMap<>();
		for (CSVRecord record : records) {
			if ("kpi".equals(record.get(0))) {
				kpis.put(record.get(1), record.get(2));
			}
		}
		return kpis;
	}

	private static long delta(Map<String, String> after, Map<String, String> before, String key) {
		return Long.parseLong(after.get(key)) - Long.parseLong(before.get(key));
	}

}

package com.focusracer.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.mail.Outbox;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.shop.Downloads;
import com.focusracer.shop.Order;
import com.focusracer.shop.Orders;
import com.focusracer.shop.ShopTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An admin removes a whole event with a reason: it is gone from the public and from sale,
 * its unsold photos are deleted, but what was paid for stays: the buyer still downloads
 * the original, the order stays paid and the pro's share stays due; the organizer is told
 * and the removal audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventRemovalIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	Downloads downloads;

	@Autowired
	EventManagement events;

	@Autowired
	PhotoManagement photos;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void removingAnEventKeepsWhatWasPaidForAndDeletesTheRest() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(owner, "Retirée");
		Map<UUID, String> uploaded = this.shop.publish(event, owner, ShopTestUtils.runners("33", 2));
		List<UUID> ids = new ArrayList<>(uploaded.keySet());
		UUID sold = ids.get(0);
		UUID unsold = ids.get(1);
		Orders.Placed placed = this.orders.place(
				new Orders.Cart(event.slug(), List.of(sold), AccountsTestUtils.uniqueEmail("buyer"), null, false, null),
				null, Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));

		this.mvc
			.perform(post("/admin/events/" + event.id() + "/removal").param("reason", " ").with(csrf()).session(admin))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("Indiquez un motif")));
		assertThat(this.photos.get(unsold)).as("nothing removed without a reason").isPresent();

		this.mvc
			.perform(post("/admin/events/" + event.id() + "/removal").param("reason", "Course fictive")
				.with(csrf())
				.session(admin))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("1 photos supprimées, 1")));
		assertThat(this.events.findBySlug(event.slug())).as("gone from the public pages").isEmpty();
		// The public pages keep an event 10 seconds (Gallery's cache, on each node).
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/events/" + event.slug())).andExpect(status().isNotFound()));
		assertThatThrownBy(() -> this.orders.place(
				new Orders.Cart(event.slug(), List.of(sold), AccountsTestUtils.uniqueEmail("late"), null, false, null),
				null, Locale.FRENCH))
			.as("no new order");
		assertThat(this.photos.get(unsold)).as("unsold photo deleted").isEmpty();
		assertThat(this.photos.get(sold)).as("sold photo kept for its buyer").isPresent();

		// The buyer still downloads the original; the order stays paid, the share due.
		Order order = this.orders.get(placed.order().id()).orElseThrow();
		assertThat(order.status().name()).isEqualTo("PAID");
		String link = this.downloads.links(order).photos().get(0).path();
		java.net.URI uri = java.net.URI.create(link);
		org.springframework.test.web.servlet.MvcResult result = this.mvc
			.perform(get(uri.getPath() + "?" + uri.getRawQuery()))
			.andReturn();
		MockHttpServletResponse file = result.getRequest().isAsyncStarted() ? this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
			.andReturn()
			.getResponse() : result.getResponse();
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(ShopTestUtils.sha256(file.getContentAsByteArray())).isEqualTo(uploaded.get(sold));
		assertThat(this.jdbc
			.sql("select status from sale_share where order_id = ? and account_id = ? and role = 'PHOTOGRAPHER'")
			.params(order.id(), owner.id())
			.query(String.class)
			.single()).isEqualTo("DUE");

		assertThat(this.outbox.latest(owner.email(), 5)).anyMatch(
				(mail) -> mail.subject().contains("retiré de la plateforme") && mail.body().contains("Course fictive"));
		String audit = this.mvc.perform(get("/admin/audit?event=" + event.id()).session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(audit).contains("Événement retiré par la modération").contains("Course fictive");
	}

}

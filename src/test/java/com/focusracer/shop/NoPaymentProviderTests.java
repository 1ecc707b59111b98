package com.focusracer.shop;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.shop.internal.OrderItem;
import com.focusracer.shop.internal.OrderRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A production start with no Stripe key and test payments left off (their default): no
 * paid photo is on sale, nobody can mark an order paid, and the admin home and the
 * organizer's prices page say why.
 */
@SpringBootTest(properties = "focusracer.shop.test-payments=false")
@AutoConfigureMockMvc
class NoPaymentProviderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	OrderRepository repository;

	@Autowired
	Downloads downloads;

	@Autowired
	JdbcClient jdbc;

	@Test
	void paidPhotosAreNotOnSaleAndTheCartSaysWhy() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Sans paiement");
		UUID photo = this.shop.publish(event, photographer, ShopTestUtils.runners(null, 1)).keySet().iterator().next();
		String email = AccountsTestUtils.uniqueEmail("nopay");
		MockHttpServletResponse api = this.mvc
			.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[\"" + photo + "\"],\"email\":\"" + email
						+ "\"}"))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(400);
		assertThat(api.getContentAsString()).contains("online payment is not set up on this platform");
		String quote = this.mvc
			.perform(post("/cart/quote").param("event", event.slug()).param("photo", photo.toString()).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(quote).contains("le paiement en ligne n'est pas encore configuré sur cette plateforme");
		assertThat(this.mvc
			.perform(post("/cart/checkout").param("event", event.slug())
				.param("immediate", "true")
				.param("photo", photo.toString())
				.param("email", email)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/cart");
		assertThat(this.jdbc.sql("select count(*) from shop_order where email = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.mvc.perform(get("/cart")).andReturn().getResponse().getContentAsString())
			.doesNotContain("paiements de test");
		assertThat(this.mvc.perform(get("/events/" + event.slug())).andReturn().getResponse().getContentAsString())
			.as("no price shown for photos that cannot be bought")
			.doesNotContain("id=\"offer\"");

		// Free photos need no payment: they are still given.
		this.jdbc.sql("update price_list set free = true where event_id = ?").param(event.id()).update();
		MockHttpServletResponse free = this.mvc
			.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[\"" + photo + "\"],\"email\":\"" + email
						+ "\"}"))
			.andReturn()
			.getResponse();
		assertThat(free.getStatus()).isEqualTo(201);
		assertThat(free.getContentAsString()).contains("\"status\":\"PAID\"");
		assertThat(this.mvc.perform(get("/events/" + event.slug())).andReturn().getResponse().getContentAsString())
			.contains("id=\"offer-free\"");
	}

	@Test
	void anOrderLeftFromTestPaymentsCannotBeMarkedPaidByItsBuyer() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Ancienne commande");
		Map<UUID, String> photos = this.shop.publish(event, photographer, ShopTestUtils.runners(null, 1));
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		// Placed while test payments were on.
		this.repository.insertOrder(
				new Order(id, event.id(), AccountsTestUtils.uniqueEmail("old"), "fr", null, null, Resolution.ORIGINAL,
						OrderStatus.PENDING, 500, "EUR", 0, "SINGLE:1x1@500", "test", "test_" + id, null, null, now,
						null, null, null),
				"pi-" + id, List.of(new OrderItem(photos.keySet().iterator().next(), 0, 500, null)));
		String key = this.downloads.orderKey(id);
		MockHttpServletResponse api = this.mvc
			.perform(post("/api/v1/public/orders/" + id + "/test-payment").contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"SUCCEEDED\",\"key\":\"" + key + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(400);
		assertThat(api.getContentAsString()).contains("Test payments are not on for this platform");
		this.mvc.perform(
				post("/orders/" + id + "/test-payment").param("key", key).param("outcome", "SUCCEEDED").with(csrf()))
			.andReturn();
		assertThat(this.repository.order(id).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void theAdminHomeAndThePricesPageSayThatNothingIsOnSale() throws Exception {
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		String home = this.mvc.perform(get("/admin").with(user(this.accounts.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("data-notice=\"shop.admin.noPayments\"")
			.contains("aucune photo payante n'est en vente");
		TestAccount organizer = this.accounts.aPro(com.focusracer.accounts.ProProfile.ORGANIZER);
		Event event = this.shop.anEventOnSale(organizer, "Prix sans paiement");
		String prices = this.mvc
			.perform(get("/pro/events/" + event.id() + "/prices").with(user(this.accounts.principal(organizer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(prices).contains("id=\"payments-off\"")
			.contains("les photos payantes ne sont pas en vente tant qu'un administrateur ne l'a pas configuré");
	}

}

package com.focusracer.shop;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The shop's pages around the purchase: the organizer's price form, a runner's cart kept
 * in the account and their orders, the buyer's language in the e-mails.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShopPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	PriceLists prices;

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theOrganizerSetsPricesAndAMistakeSavesNothingAndSaysWhatToFix() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.shop.anEventOnSale(organizer, "Prix");
		MockHttpServletResponse wrong = this.mvc
			.perform(post("/pro/events/" + event.id() + "/prices").param("single", "4,999")
				.param("packPhotos", "5")
				.param("packPrice", "18")
				.with(csrf())
				.with(user(this.accounts.principal(organizer))))
			.andReturn()
			.getResponse();
		assertThat(wrong.getStatus()).isEqualTo(400);
		assertThat(wrong.getContentAsString()).contains("« 4,999 » n'est pas un montant").contains("value=\"4,999\"");
		assertThat(this.prices.of(event.id()).orElseThrow().singlePrice()).as("unchanged").isEqualTo(500);

		this.mvc
			.perform(post("/pro/events/" + event.id() + "/prices").param("single", "4,90")
				.param("packPhotos", "5", "", "")
				.param("packPrice", "18", "", "")
				.param("allPhotos", "25")
				.param("cap", "30")
				.param("organizerShare", "15")
				.with(csrf())
				.with(user(this.accounts.principal(organizer))))
			.andReturn();
		PriceList saved = this.prices.of(event.id()).orElseThrow();
		assertThat(saved.singlePrice()).isEqualTo(490);
		assertThat(saved.packs()).containsExactly(new PriceList.Pack(5, 1800));
		assertThat(saved.allPhotosPrice()).isEqualTo(2500);
		assertThat(saved.webPrice()).isNull();
		assertThat(saved.runnerCap()).isEqualTo(3000);
		assertThat(saved.organizerSharePercent()).isEqualTo(15);

		// Another organizer cannot see or change these prices.
		TestAccount other = this.accounts.aPro(ProProfile.ORGANIZER);
		assertThat(this.mvc
			.perform(get("/pro/events/" + event.id() + "/prices").with(user(this.accounts.principal(other))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void theCartOffersAllMyPhotosWhenItCostsLittleMoreAndTakingItOrdersThemAll() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Offre");
		List<UUID> photos = List
			.copyOf(this.shop.publish(event, photographer, ShopTestUtils.runners("3141", 3)).keySet());
		// Two of the bib's three photos: 10 €; all three: 20 €, 10 € more — offered.
		String quote = this.mvc
			.perform(post("/cart/quote").param("event", event.slug())
				.param("photo", photos.get(0).toString(), photos.get(1).toString())
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(quote).contains("Toutes vos 3 photos pour 20,00 €, seulement 10,00 € de plus.")
			.contains("data-bib=\"3141\"")
			.contains("data-web-offered=\"true\"");
		MockHttpServletResponse checkout = this.mvc
			.perform(post("/cart/checkout").param("event", event.slug())
				.param("immediate", "true")
				.param("photo", photos.get(0).toString(), photos.get(1).toString())
				.param("allPhotos", "true")
				.param("bib", "3141")
				.param("email", "offre@example.org")
				.with(csrf()))
			.andReturn()
			.getResponse();
		String orderPage = this.mvc.perform(get(checkout.getRedirectedUrl()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(orderPage).contains("3 photos").contains("20,00 €");

		// A refused checkout says why and goes back to the cart.
		org.springframework.test.web.servlet.MvcResult refused = this.mvc
			.perform(post("/cart/checkout").param("event", event.slug())
				.param("immediate", "true")
				.param("photo", photos.get(0).toString())
				.param("email", "not-an-address")
				.with(csrf()))
			.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/cart");
		assertThat((String) refused.getFlashMap().get("error")).contains("e-mail");

		// Without the request for immediate supply (and the waiver of withdrawal that
		// goes with digital content), nothing is ordered.
		long orders = this.jdbc.sql("select count(*) from shop_order where email = 'immediate@example.org'")
			.query(Long.class)
			.single();
		org.springframework.test.web.servlet.MvcResult noWaiver = this.mvc
			.perform(post("/cart/checkout").param("event", event.slug())
				.param("photo", photos.get(0).toString())
				.param("email", "immediate@example.org")
				.with(csrf()))
			.andReturn();
		assertThat(noWaiver.getResponse().getRedirectedUrl()).isEqualTo("/cart");
		assertThat((String) noWaiver.getFlashMap().get("error")).contains("livraison immédiate");
		assertThat(this.jdbc.sql("select count(*) from shop_order where email = 'immediate@example.org'")
			.query(Long.class)
			.single()).isEqualTo(orders);
	}

	@Test
	void theCapCountsOnlyWhatASignedInRunnerWithAConfirmedAddressPaidSoTypingTheirAddressGivesNothingAway()
			throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Plafond");
		this.jdbc.sql("update price_list set runner_cap = 1000 where event_id = ?").param(event.id()).update();
		List<UUID> photos = List
			.copyOf(this.shop.publish(event, photographer, ShopTestUtils.runners(null, 4)).keySet());
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		// The runner, signed in, pays 10 €: the cap is reached.
		Order first = this.orders.get(checkout(event, photos.subList(0, 2), runner.email(), runner)).orElseThrow();
		assertThat(first.amount()).isEqualTo(1000);
		this.orders.testPayment(first, true);

		// Someone else types the runner's address: full price, nothing paid, and the cart
		// says how the cap would count earlier orders.
		String guestQuote = quote(event, photos.get(2), runner.email(), null);
		assertThat(guestQuote).contains("data-amount=\"500\"")
			.contains("id=\"cap-note\"")
			.contains("connectez-vous (ou créez un compte avec votre adresse e-mail)")
			.doesNotContain("Plafond par coureur atteint");
		Order guest = this.orders.get(checkout(event, List.of(photos.get(2)), runner.email(), null)).orElseThrow();
		assertThat(guest.amount()).isEqualTo(500);
		assertThat(guest.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(guest.provider()).isEqualTo("test");
		MockHttpServletResponse api = this.mvc
			.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[\"" + photos.get(3) + "\"],\"email\":\""
						+ runner.email() + "\"}"))
			.andReturn()
			.getResponse();
		JsonNode viaApi = this.json.readTree(api.getContentAsString());
		assertThat(viaApi.get("amount").asLong()).isEqualTo(500);
		assertThat(viaApi.get("status").asText()).isEqualTo("PENDING");
		assertThat(viaApi.get("pricing").get("earlierOrdersCounted").asBoolean()).isFalse();

		// Orders paid with a runner's address before they signed in count once they do
		// (signing in proves the address), never before.
		TestAccount later = this.accounts.anAccount(Role.RUNNER);
		this.orders.testPayment(
				this.orders.get(checkout(event, photos.subList(0, 2), later.email(), null)).orElseThrow(), true);
		assertThat(quote(event, photos.get(2), later.email(), null)).contains("data-amount=\"500\"");
		assertThat(quote(event, photos.get(2), later.email(), later)).contains("data-amount=\"0\"");

		// The runner, signed in, gets the next photo within the cap: free.
		assertThat(quote(event, photos.get(2), runner.email(), runner)).contains("data-amount=\"0\"")
			.contains("Plafond par coureur atteint")
			.doesNotContain("id=\"cap-note\"");
		Order capped = this.orders.get(checkout(event, List.of(photos.get(2)), runner.email(), runner)).orElseThrow();
		assertThat(capped.amount()).isZero();
		assertThat(capped.status()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void aRunnersCartFollowsTheAccountAndTheirOrdersAreListedInTheirLanguage() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		String cart = "[{\"id\":\"" + UUID.randomUUID() + "\",\"event\":\"x\",\"thumb\":\"/t.jpg\",\"page\":\"/p\"}]";
		this.mvc
			.perform(put("/account/cart").contentType(MediaType.APPLICATION_JSON)
				.content(cart)
				.with(csrf())
				.with(user(this.accounts.principal(runner))))
			.andReturn();
		assertThat(this.mvc.perform(get("/account/cart").with(user(this.accounts.principal(runner))))
			.andReturn()
			.getResponse()
			.getContentAsString()).isEqualTo(cart);
		// Not a cart: refused, and the kept cart stays.
		assertThat(this.mvc
			.perform(put("/account/cart").contentType(MediaType.APPLICATION_JSON)
				.content("{\"not\":\"a list\"}")
				.with(csrf())
				.with(user(this.accounts.principal(runner))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(this.mvc.perform(get("/account/cart").with(user(this.accounts.principal(runner))))
			.andReturn()
			.getResponse()
			.getContentAsString()).isEqualTo(cart);

		Event event = this.shop.anEventOnSale(photographer, "Course en anglais");
		Map<UUID, String> photos = this.shop.publish(event, photographer, ShopTestUtils.runners(null, 1));
		MockHttpServletResponse created = this.mvc
			.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en-GB,en;q=0.9")
				.content("{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[\"" + photos.keySet().iterator().next()
						+ "\"],\"email\":\"" + runner.email() + "\"}"))
			.andReturn()
			.getResponse();
		JsonNode order = this.json.readTree(created.getContentAsString());
		this.mvc
			.perform(post("/api/v1/public/orders/" + order.get("id").asText() + "/test-payment")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"SUCCEEDED\",\"key\":\"" + order.get("key").asText() + "\"}"))
			.andReturn();
		assertThat(this.accounts.mailsTo(runner.email()))
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("Your photos of " + event.name() + " (order "
					+ order.get("id").asText().substring(0, 8).toUpperCase() + ")"));

		String page = this.mvc.perform(get("/account/orders").with(user(this.accounts.principal(runner))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(event.name()).contains("/orders/" + order.get("id").asText());
		// ... and the account's home shows it, not "no order yet".
		String home = this.mvc.perform(get("/account").with(user(this.accounts.principal(runner))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("id=\"home-orders\"")
			.contains("/orders/" + order.get("id").asText())
			.contains(event.name())
			.doesNotContain("id=\"no-orders\"");
		// Signed in with that address, the runner opens the order without its key.
		assertThat(
				this.mvc.perform(get("/orders/" + order.get("id").asText()).with(user(this.accounts.principal(runner))))
					.andReturn()
					.getResponse()
					.getContentAsString())
			.contains("id=\"download-zip\"");
	}

	/**
	 * The cart's price as the cart page shows it.
	 */
	private String quote(Event event, UUID photo, String email, TestAccount viewer) throws Exception {
		var request = post("/cart/quote").param("event", event.slug())
			.param("photo", photo.toString())
			.param("email", email)
			.with(csrf());
		if (viewer != null) {
			request.with(user(this.accounts.principal(viewer)));
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	/**
	 * Checks out from the cart page.
	 * @return the order placed
	 */
	private UUID checkout(Event event, List<UUID> photos, String email, TestAccount viewer) throws Exception {
		var request = post("/cart/checkout").param("event", event.slug())
			.param("immediate", "true")
			.param("photo", photos.stream().map(UUID::toString).toArray(String[]::new))
			.param("email", email)
			.with(csrf());
		if (viewer != null) {
			request.with(user(this.accounts.principal(viewer)));
		}
		String location = this.mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/orders/");
		return UUID.fromString(location.substring("/orders/".length(), location.indexOf('?')));
	}

}

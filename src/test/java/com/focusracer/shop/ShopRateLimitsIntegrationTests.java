package com.focusracer.shop;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shared.ratelimit.RealisticRateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Orders (each may create a Stripe payment: a card-testing channel) are limited per
 * address, pages and API together; so are the ZIPs of free orders, which cost nothing to
 * place.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class ShopRateLimitsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	RateLimits limits;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private TestAccount photographer;

	@BeforeEach
	void aPhotographer() {
		this.photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
	}

	@AfterEach
	void forgetBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@Test
	void ordersFromOneAddressAreRefusedPastTheLimitOnTheApiAndThePages() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Course limitée");
		UUID photo = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 1))
			.keySet()
			.iterator()
			.next();
		String ip = "198.51.100.41";
		int limit = this.limits.limit(RateLimit.ORDER).capacity();
		for (int i = 0; i < limit - 1; i++) {
			assertThat(order(event, photo, ip).getStatus()).isEqualTo(201);
		}
		assertThat(checkout(event, photo, ip).getResponse().getRedirectedUrl()).startsWith("/orders/");
		long placed = this.jdbc.sql("select count(*) from shop_order where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single();

		MockHttpServletResponse refused = order(event, photo, ip);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
		assertThat(this.json.readTree(refused.getContentAsString()).get("detail").asText()).contains("Too many orders")
			.contains("Try again in");
		MockHttpServletResponse page = checkout(event, photo, ip).getResponse();
		assertThat(page.getStatus()).isEqualTo(429);
		assertThat(page.getContentAsString()).contains("Trop de commandes").contains("Réessayez dans");
		assertThat(this.jdbc.sql("select count(*) from shop_order where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single()).isEqualTo(placed);

		assertThat(order(event, photo, "198.51.100.42").getStatus()).as("another address").isEqualTo(201);
	}

	@Test
	void zipsOfAFreeOrderAreRefusedPastTheLimit() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Course offerte");
		this.jdbc.sql("update price_list set free = true where event_id = ?").param(event.id()).update();
		UUID photo = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 1))
			.keySet()
			.iterator()
			.next();
		MockHttpServletResponse created = order(event, photo, "198.51.100.43");
		JsonNode order = this.json.readTree(created.getContentAsString());
		assertThat(order.get("status").asText()).isEqualTo("PAID");
		String zipUrl = this.json
			.readTree(this.mvc
				.perform(get("/api/v1/public/orders/" + order.get("id").asText() + "?key=" + order.get("key").asText()))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("zipUrl")
			.asText();
		String ip = "198.51.100.44";
		int limit = this.limits.limit(RateLimit.FREE_ZIP).capacity();
		for (int i = 0; i < limit; i++) {
			assertThat(download(zipUrl, ip).getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = download(zipUrl, ip);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isNotNull();
		assertThat(refused.getContentAsString()).contains("Trop de téléchargements ZIP");
		assertThat(download(zipUrl, "198.51.100.45").getStatus()).as("another address").isEqualTo(200);
	}

	private MockHttpServletResponse order(Event event, UUID photo, String ip) throws Exception {
		return this.mvc
			.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[\"" + photo
						+ "\"],\"email\":\"buyer@example.org\"}")
				.with(from(ip)))
			.andReturn()
			.getResponse();
	}

	private MvcResult checkout(Event event, UUID photo, String ip) throws Exception {
		return this.mvc
			.perform(post("/cart/checkout").param("event", event.slug())
				.param("immediate", "true")
				.param("photo", photo.toString())
				.param("email", "buyer@example.org")
				.with(from(ip))
				.with(csrf()))
			.andReturn();
	}

	private MockHttpServletResponse download(String url, String ip) throws Exception {
		URI uri = URI.create(url);
		MvcResult result = this.mvc.perform(get(uri.getPath() + "?" + uri.getRawQuery()).with(from(ip))).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			return this.mvc.perform(asyncDispatch(result)).andReturn().getResponse();
		}
		return result.getResponse();
	}

}

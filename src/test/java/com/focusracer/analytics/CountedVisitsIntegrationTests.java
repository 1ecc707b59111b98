package com.focusracer.analytics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shared.ratelimit.RealisticRateLimits;
import com.focusracer.shop.ShopTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A script cannot inflate an event's funnel: past the {@code counted-visit} limit of its
 * address, its page views and cart additions are served but not counted; another address
 * still counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class CountedVisitsIntegrationTests {

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

	@AfterEach
	void forgetBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@Test
	void oneAddressCountsOnlyUpToTheLimitAndIsServedAllTheSame() throws Exception {
		Event event = this.shop.anEventOnSale(this.accounts.aPro(ProProfile.PHOTOGRAPHER), "Compteurs");
		int limit = this.limits.limit(RateLimit.COUNTED_VISIT).capacity();
		for (int i = 0; i < limit + 5; i++) {
			this.mvc.perform(post("/events/" + event.slug() + "/cart-additions").with(csrf()).with(from("203.0.113.7")))
				.andExpect(status().isNoContent());
		}
		assertThat(count(event, Metric.CART_ADD)).isEqualTo(limit);
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/events/" + event.slug()).with(from("203.0.113.7"))).andExpect(status().isOk());
		}
		assertThat(count(event, Metric.EVENT_PAGE_VIEW)).isZero();
		// Someone else is counted.
		this.mvc.perform(get("/events/" + event.slug()).with(from("203.0.113.8"))).andExpect(status().isOk());
		this.mvc.perform(post("/events/" + event.slug() + "/cart-additions").with(csrf()).with(from("203.0.113.8")))
			.andExpect(status().isNoContent());
		assertThat(count(event, Metric.EVENT_PAGE_VIEW)).isEqualTo(1);
		assertThat(count(event, Metric.CART_ADD)).isEqualTo(limit + 1);
	}

	private long count(Event event, Metric metric) {
		return this.jdbc.sql("select coalesce(sum(count), 0) from analytics_counter where event_id = ? and metric = ?")
			.params(event.id(), metric.name())
			.query(Long.class)
			.single();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}

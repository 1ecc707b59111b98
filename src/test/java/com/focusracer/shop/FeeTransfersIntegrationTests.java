package com.focusracer.shop;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.shared.ratelimit.MutableClock;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shop.internal.PayoutRepository;
import com.focusracer.shop.internal.StripeGateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Agreed fees paid through Stripe Connect: stripe-java talks to WireMock answering with
 * the payloads of Stripe's API reference; like Stripe after 24 hours, WireMock does not
 * know idempotency keys (a second request makes a second transfer).
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeeTransfersIntegrationTests {

	static final WireMockServer STRIPE = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		FakeStripe.register(registry, STRIPE, "whsec_test_focusracer");
	}

	@AfterAll
	static void stop() {
		STRIPE.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AgreedFees fees;

	@Autowired
	PayoutRepository payoutRepository;

	@Autowired
	StripeGateway stripe;

	@Autowired
	ShopProperties properties;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RateLimits limits;

	@Autowired
	JdbcClient jdbc;

	private TestAccount organizer;

	private TestAccount photographer;

	private UUID fee;

	@BeforeEach
	void aFeeOwed() {
		this.organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		String reference = "test-" + UUID.randomUUID();
		this.fees.owe(reference, UUID.randomUUID(), this.organizer.id(), this.photographer.id(), 15000, "EUR");
		this.fee = this.fees.of(this.organizer.id()).get(0).id();
		STRIPE.resetAll();
		stubTransfers();
	}

	@Test
	void withBothOnboardedTheOrganizerPaysOnceThroughStripeAndBothStatementsSayIt() throws Exception {
		String destination = onboarded(this.photographer);
		onboarded(this.organizer);
		assertThat(page(this.organizer)).contains("fee-stripe-pay-" + this.fee);

		pay(this.organizer).andExpect(status().is3xxRedirection());

		List<LoggedRequest> transfers = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(transfers).singleElement().satisfies((transfer) -> {
			UUID intent = this.jdbc.sql("select id from fee_transfer where fee_id = ?")
				.param(this.fee)
				.query(UUID.class)
				.single();
			assertThat(transfer.getHeader("Idempotency-Key")).isEqualTo("fee-transfer-" + intent);
			assertThat(form(transfer, "transfer_group")).isEqualTo("fee-" + this.fee);
			assertThat(form(transfer, "destination")).isEqualTo(destination);
			assertThat(form(transfer, "amount")).isEqualTo("15000");
		});
		assertThat(this.fees.of(this.photographer.id()).get(0)).satisfies((paid) -> {
			assertThat(paid.status()).isEqualTo("PAID");
			assertThat(paid.paidThroughStripe()).isTrue();
		});
		assertThat(page(this.photographer)).contains("payée par Stripe le");
		assertThat(page(this.organizer)).contains("payée par Stripe le").doesNotContain("fee-stripe-pay-");
		// The platform advanced it: the organizer's next payouts net it.
		assertThat(this.payoutRepository.owed(this.organizer.id(), "EUR")).isEqualTo(15000);
		assertThat(this.payoutRepository.stripeFees(this.organizer.id())).hasSize(1);
	}

	@Test
	void whenThePhotographerIsNotOnboardedItStaysToBeMarkedPaidByHand() throws Exception {
		onboarded(this.organizer);
		this.payoutRepository.savePayoutAccount(this.photographer.id(), "acct_not_ready", false, Instant.now());
		assertThat(page(this.organizer)).contains("fee-paid-" + this.fee).doesNotContain("fee-stripe-pay-");

		pay(this.organizer).andExpect(status().is3xxRedirection());

		STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(this.fees.of(this.organizer.id()).get(0).status()).isEqualTo("OWED");
	}

	@Test
	void thePhotographerCannotPayTheFeeOwedToThem() throws Exception {
		onboarded(this.organizer);
		onboarded(this.photographer);

		pay(this.photographer).andExpect(status().isNotFound());

		STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(this.fees.of(this.organizer.id()).get(0).status()).isEqualTo("OWED");
	}

	@Test
	void aDoubleSubmitMakesOneTransfer() throws Exception {
		onboarded(this.organizer);
		onboarded(this.photographer);
		FeeTransfers node = new FeeTransfers(this.jdbc, this.payoutRepository, this.stripe, this.properties,
				this.transactions, new MutableClock(Instant.now()));
		Thread other = new Thread(() -> node.pay(this.fee, this.organizer.id()));
		other.start();
		pay(this.organizer).andExpect(status().is3xxRedirection());
		other.join();
		pay(this.organizer).andExpect(status().is3xxRedirection());

		STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(this.fees.of(this.organizer.id()).get(0).status()).isEqualTo("PAID");
	}

	@Test
	void aTransferMadeBeforeTheNodeStoppedIsFoundByItsGroupNotMadeAgain() throws Exception {
		onboarded(this.organizer);
		String destination = onboarded(this.photographer);
		MutableClock clock = new MutableClock(Instant.now());
		FeeTransfers node = new FeeTransfers(this.jdbc, this.payoutRepository, this.stripe, this.properties,
				this.transactions, clock);
		this.jdbc.sql("""
				create or replace function stop_before_fee_bookkeeping() returns trigger language plpgsql as $$
				begin raise exception 'the node stopped'; end $$""").update();
		this.jdbc.sql("""
				create trigger stop_before_fee_bookkeeping before update on fee_transfer for each row
				when (new.status = 'DONE') execute function stop_before_fee_bookkeeping()""").update();
		try {
			assertThat(node.pay(this.fee, this.organizer.id())).isFalse();
		}
		finally {
			this.jdbc.sql("drop trigger stop_before_fee_bookkeeping on fee_transfer").update();
		}
		assertThat(this.fees.of(this.organizer.id()).get(0).status()).isEqualTo("PAYING");
		String group = "fee-" + this.fee;
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/transfers"))
			.withQueryParam("transfer_group", equalTo(group))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"object": "list", "url": "/v1/transfers", "has_more": false,
					 "data": [{"id": "tr_fee_before_the_stop", "object": "transfer", "amount": 15000, "currency": "eur",
					   "destination": "%s", "livemode": false, "reversed": false, "transfer_group": "%s",
					   "metadata": {"fee_id": "%s"}}]}""".formatted(destination, group, this.fee))));

		assertThat(node.settleUnsettled()).as("within the claim").isZero();
		clock.advance(Duration.ofMinutes(10));
		assertThat(node.settleUnsettled()).isEqualTo(1);
		pay(this.organizer).andExpect(status().is3xxRedirection());

		STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(this.jdbc.sql("select transfer_id from agreed_fee where id = ?")
			.param(this.fee)
			.query(String.class)
			.single()).isEqualTo("tr_fee_before_the_stop");
	}

	@Test
	void payingThroughStripeIsRateLimited() throws Exception {
		int capacity = this.limits.limit(RateLimit.MARKETPLACE).capacity();
		for (int i = 0; i < capacity; i++) {
			pay(this.organizer).andExpect(status().is3xxRedirection());
		}
		pay(this.organizer).andExpect(status().isTooManyRequests());
	}

	private ResultActions pay(TestAccount pro) throws Exception {
		return this.mvc.perform(post("/pro/payouts/fees/stripe").with(user(this.accounts.principal(pro)))
			.with(csrf())
			.param("fee", this.fee.toString()));
	}

	private String page(TestAccount pro) throws Exception {
		return this.mvc.perform(get("/pro/payouts").with(user(this.accounts.principal(pro))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String onboarded(TestAccount pro) {
		String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		this.payoutRepository.savePayoutAccount(pro.id(), account, true, Instant.now());
		return account;
	}

	private static String form(LoggedRequest request, String name) {
		for (String pair : request.getBodyAsString().split("&")) {
			String[] parts = pair.split("=", 2);
			if (URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(name)) {
				return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static void stubTransfers() {
		// POST /v1/transfers, as in Stripe's API reference ("Create a transfer").
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/transfers"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withTransformers("response-template")
				.withBody("""
						{"id": "tr_{{randomValue length=24 type='ALPHANUMERIC'}}", "object": "transfer",
						 "amount": {{formData request.body 'form' urlDecode=true}}{{form.amount}}, "currency": "eur",
						 "destination": "{{form.destination}}", "livemode": false, "reversed": false,
						 "transfer_group": "{{form.transfer_group}}"}""")));
	}

}

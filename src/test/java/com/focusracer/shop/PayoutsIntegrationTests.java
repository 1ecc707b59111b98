package com.focusracer.shop;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.shared.SiteUrl;
import com.focusracer.shared.ratelimit.MutableClock;
import com.focusracer.shop.internal.PayoutRepository;
import com.focusracer.shop.internal.OrderRepository;
import com.focusracer.shop.internal.ShareRepository;
import com.focusracer.shop.internal.StripeGateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payouts to pros through Stripe Connect, on a node whose clock the test moves:
 * stripe-java talks to WireMock answering with the payloads of Stripe's API reference.
 * Like Stripe after 24 hours, WireMock does not know idempotency keys: a second transfer
 * request makes a second transfer.
 */
@SpringBootTest
class PayoutsIntegrationTests {

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
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	OrderRepository orderRepository;

	@Autowired
	ShareRepository shareRepository;

	@Autowired
	PayoutRepository payoutRepository;

	@Autowired
	StripeGateway stripe;

	@Autowired
	ShopProperties properties;

	@Autowired
	EventManagement events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SiteUrl site;

	@Autowired
	JdbcClient jdbc;

	private final MutableClock clock = new MutableClock(Instant.now());

	private Payouts node;

	private TestAccount photographer;

	private String stripeAccount;

	@BeforeEach
	void aPhotographerReadyForPayouts() {
		this.node = new Payouts(this.shareRepository, this.orderRepository, this.payoutRepository, this.stripe,
				this.properties, this.events, this.transactions, this.clock, this.site);
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.stripeAccount = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		this.payoutRepository.savePayoutAccount(this.photographer.id(), this.stripeAccount, true, Instant.now());
		STRIPE.resetAll();
		stubPaymentIntents();
		stubTransfers();
	}

	@Test
	void aTransferStripeMadeBeforeTheNodeStoppedIsFoundAndRecordedNotMadeAgain() throws Exception {
		Order order = aPaidOrder(2);
		pastTheHoldingPeriod();
		// The node stops between Stripe's answer and the bookkeeping.
		this.jdbc.sql("""
				create or replace function stop_before_bookkeeping() returns trigger language plpgsql as $$
				begin raise exception 'the node stopped'; end $$""").update();
		this.jdbc.sql("""
				create trigger stop_before_bookkeeping before update on sale_share for each row
				when (new.status = 'PAID_OUT') execute function stop_before_bookkeeping()""").update();
		try {
			this.node.payOutDue();
		}
		catch (RuntimeException stopped) {
			// as a node that stopped
		}
		finally {
			this.jdbc.sql("drop trigger stop_before_bookkeeping on sale_share").update();
		}
		List<LoggedRequest> transfers = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(transfers).hasSize(1);
		assertThat(photographerShare(order)).isNotEqualTo("PAID_OUT");
		// Stripe lists that transfer under its transfer group (its documented list).
		String group = form(transfers.get(0), "transfer_group");
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/transfers"))
			.withQueryParam("transfer_group", equalTo(group))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"object": "list", "url": "/v1/transfers", "has_more": false,
					 "data": [{"id": "tr_made_before_the_stop", "object": "transfer", "amount": 900, "currency": "eur",
					   "destination": "%s", "livemode": false, "reversed": false, "transfer_group": "%s",
					   "metadata": %s}]}""".formatted(this.stripeAccount, group, metadata(transfers.get(0))))));

		// Runs after the stopped node's claim ended, once Stripe forgot the key.
		this.clock.advance(Duration.ofMinutes(10));
		this.node.payOutDue();
		this.clock.advance(Duration.ofMinutes(10));
		this.node.payOutDue();

		STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(photographerShare(order)).isEqualTo("PAID_OUT");
		assertThat(this.jdbc.sql("select transfer_id from sale_share where order_id = ? and role = 'PHOTOGRAPHER'")
			.param(order.id())
			.query(String.class)
			.single()).isEqualTo("tr_made_before_the_stop");
	}

	@Test
	void aPayoutWhoseTransferStripeNeverMadeIsLookedUpThenTransferredWithItsOwnKey() throws Exception {
		Order order = aPaidOrder(1);
		pastTheHoldingPeriod();
		// Stripe is down: the payout stays an intent.
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/transfers"))
			.atPriority(1)
			.willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "api_error", "message": "An unknown error occurred"}}""")));
		assertThat(this.node.payOutDue()).isZero();
		String key = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/transfers"))).get(0).getHeader("Idempotency-Key");
		assertThat(key).startsWith("payout-");
		STRIPE.resetAll();
		stubTransfers();
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/transfers"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"object": "list", "url": "/v1/transfers", "has_more": false, "data": []}""")));

		// Within its claim no other run touches it.
		assertThat(this.node.payOutDue()).isZero();
		STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/transfers")));
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.node.payOutDue()).isEqualTo(1);

		STRIPE.verify(getRequestedFor(urlPathEqualTo("/v1/transfers")).withQueryParam("transfer_group", equalTo(key)));
		STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/transfers")).withHeader("Idempotency-Key", equalTo(key)));
		assertThat(photographerShare(order)).isEqualTo("PAID_OUT");
	}

	@Test
	void aShareIsPaidOutOnlyOnceTheHoldingPeriodAfterThePaymentIsOver() throws Exception {
		Order order = aPaidOrder(1);
		assertThat(this.properties.payoutHoldingPeriod()).isEqualTo(Duration.ofDays(7));
		assertThat(this.node.payOutDue()).isZero();
		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		assertThat(this.node.payOutDue()).isZero();
		STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(photographerShare(order)).isEqualTo("DUE");

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.node.payOutDue()).isEqualTo(1);
		STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(photographerShare(order)).isEqualTo("PAID_OUT");
	}

	@Test
	void aRefundAfterThePayoutIsTakenBackFromThePhotographersNextPayouts() throws Exception {
		Order first = aPaidOrder(2);
		pastTheHoldingPeriod();
		assertThat(this.node.payOutDue()).isEqualTo(1);
		STRIPE.verify(postRequestedFor(urlEqualTo("/v1/transfers")).withRequestBody(containing("amount=900")));

		// 4 € of the 10 € refunded: the photographer now earns 6 € − 10 % = 5.40 €, 3.60
		// € back.
		refund(first, 400);
		Payouts.Statement statement = this.node.statement(this.photographer.id());
		assertThat(statement.lines()).anySatisfy((line) -> {
			assertThat(line.status()).isEqualTo("CLAWED_BACK");
			assertThat(line.amount()).isEqualTo(-360);
			assertThat(line.orderId()).isEqualTo(first.id());
		});
		assertThat(statement.paidOut()).isEqualTo(900);
		assertThat(statement.due()).isEqualTo(-360);
		assertThat(this.node.csv(this.photographer.id())).contains(",PHOTOGRAPHER,0.00,0.00,-3.60,EUR,CLAWED_BACK,");

		// The next sale (4.50 €) pays 4.50 € − 3.60 € = 0.90 €.
		STRIPE.resetRequests();
		Order second = aPaidOrder(1);
		pastTheHoldingPeriod();
		assertThat(this.node.payOutDue()).isEqualTo(1);
		STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/transfers")));
		STRIPE.verify(postRequestedFor(urlEqualTo("/v1/transfers")).withRequestBody(containing("amount=90&")));
		assertThat(photographerShare(second)).isEqualTo("PAID_OUT");
		assertThat(this.node.statement(this.photographer.id()).due()).isZero();

		// The rest of the first sale refunded: its 5.40 € come back; the next 4.50 €
		// share
		// is wholly netted, nothing is transferred, 0.90 € stay owed.
		refund(first, 1000);
		STRIPE.resetRequests();
		Order third = aPaidOrder(1);
		pastTheHoldingPeriod();
		assertThat(this.node.payOutDue()).isEqualTo(1);
		STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(photographerShare(third)).isEqualTo("PAID_OUT");
		assertThat(this.payoutRepository.owed(this.photographer.id(), "EUR")).isEqualTo(90);
		assertThat(this.node.statement(this.photographer.id()).due()).isEqualTo(-90);
	}

	@Test
	void aDisputedSaleIsNotPaidOutWhileDisputedAndALostDisputeTakesThePaidShareBack() throws Exception {
		Order order = aPaidOrder(1);
		String dispute = "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		this.payments.apply(DisputesIntegrationTests.dispute(PaymentUpdate.DISPUTED, order, dispute, "needs_response"));
		pastTheHoldingPeriod();
		assertThat(this.node.payOutDue()).isZero();
		STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/transfers")));
		assertThat(photographerShare(order)).isEqualTo("DUE");
		this.payments.apply(DisputesIntegrationTests.dispute(PaymentUpdate.DISPUTE_CLOSED, order, dispute, "won"));
		assertThat(this.node.payOutDue()).isEqualTo(1);
		assertThat(photographerShare(order)).isEqualTo("PAID_OUT");

		// A second dispute, lost: the bank gave the money back, the share is taken back.
		String lost = "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		this.payments.apply(DisputesIntegrationTests.dispute(PaymentUpdate.DISPUTED, order, lost, "needs_response"));
		this.payments.apply(DisputesIntegrationTests.dispute(PaymentUpdate.DISPUTE_CLOSED, order, lost, "lost"));
		assertThat(this.payoutRepository.owed(this.photographer.id(), "EUR")).isEqualTo(450);
		assertThat(this.orders.get(order.id()).orElseThrow().disputed()).isTrue();
	}

	private void refund(Order order, long refundedInAll) {
		assertThat(this.payments.apply(PaymentUpdate.refund("evt_" + UUID.randomUUID(), "stripe", order.paymentId(),
				order.id(), refundedInAll, "{}")))
			.isEqualTo(Payments.Outcome.APPLIED);
	}

	private void pastTheHoldingPeriod() {
		this.clock.advance(this.properties.payoutHoldingPeriod().plusMinutes(1));
	}

	/**
	 * A Stripe order of some photos, paid.
	 */
	Order aPaidOrder(int photos) throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Course versements");
		List<UUID> ids = new ArrayList<>(
				this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, photos)).keySet());
		Orders.Placed placed = this.orders.place(new Orders.Cart(event.slug(), ids,
				AccountsTestUtils.uniqueEmail("payouts"), null, false, Resolution.ORIGINAL), null, Locale.FRENCH);
		Order order = placed.order();
		assertThat(this.payments.apply(PaymentUpdate.payment("evt_" + UUID.randomUUID(), "stripe", true,
				order.paymentId(), order.id(), "ch_" + order.id(), order.amount(), "eur", "{}")))
			.isEqualTo(Payments.Outcome.APPLIED);
		return this.orders.get(order.id()).orElseThrow();
	}

	private String photographerShare(Order order) {
		return this.jdbc.sql("select status from sale_share where order_id = ? and role = 'PHOTOGRAPHER'")
			.param(order.id())
			.query(String.class)
			.single();
	}

	private static String form(LoggedRequest request, String field) {
		for (String pair : request.getBodyAsString().split("&")) {
			String[] parts = pair.split("=", 2);
			if (URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(field)) {
				return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static String metadata(LoggedRequest request) {
		String payout = form(request, "metadata[payout_id]");
		return (payout != null) ? "{\"payout_id\": \"" + payout + "\"}" : "{}";
	}

	private static void stubTransfers() {
		// POST /v1/transfers, as in Stripe's API reference ("Create a transfer"): a new
		// transfer at each call.
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

	private static void stubPaymentIntents() {
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/payment_intents"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withTransformers("response-template")
				.withBody(
						"""
								{"id": "pi_{{randomValue length=24 type='ALPHANUMERIC'}}", "object": "payment_intent",
								 "amount": {{formData request.body 'form' urlDecode=true}}{{form.amount}},
								 "amount_received": 0, "client_secret": "pi_secret_{{randomValue length=16 type='ALPHANUMERIC'}}",
								 "currency": "eur", "livemode": false, "metadata": {"order_id": "{{lookup form 'metadata[order_id]'}}"},
								 "status": "requires_payment_method", "transfer_group": "{{form.transfer_group}}"}""")));
	}

}

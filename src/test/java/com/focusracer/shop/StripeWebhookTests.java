package com.focusracer.shop;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The shop with Stripe: stripe-java talks to WireMock answering with the payloads of
 * Stripe's API reference, and webhooks are signed with a test secret exactly as Stripe
 * signs them ({@code t=<timestamp>,v1=<HMAC-SHA256 of "timestamp.payload">}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class StripeWebhookTests {

	static final String SECRET = "whsec_test_focusracer";

	static final WireMockServer STRIPE = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		FakeStripe.register(registry, STRIPE, SECRET);
		// Transfers right after the sale here; PayoutsIntegrationTests holds them.
		registry.add("focusracer.shop.payout-holding-period", () -> "PT0S");
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
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Payouts payouts;

	private final ObjectMapper json = new ObjectMapper();

	private TestAccount photographer;

	@BeforeEach
	void aPhotographer() {
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		STRIPE.resetAll();
		stubPaymentIntents();
	}

	private static void stubPaymentIntents() {
		// POST /v1/payment_intents, as in Stripe's API reference ("Create a
		// PaymentIntent").
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/payment_intents"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("Request-Id", "req_test")
				.withTransformers("response-template")
				.withBody("""
						{
						  "id": "pi_{{randomValue length=24 type='ALPHANUMERIC'}}",
						  "object": "payment_intent",
						  "amount": {{formData request.body 'form' urlDecode=true}}{{form.amount}},
						  "amount_capturable": 0,
						  "amount_received": 0,
						  "automatic_payment_methods": {"enabled": true},
						  "capture_method": "automatic",
						  "client_secret": "pi_secret_{{randomValue length=16 type='ALPHANUMERIC'}}",
						  "confirmation_method": "automatic",
						  "created": 1680800504,
						  "currency": "eur",
						  "latest_charge": null,
						  "livemode": false,
						  "metadata": {"order_id": "{{lookup form 'metadata[order_id]'}}"},
						  "payment_method_types": ["card", "sepa_debit"],
						  "receipt_email": "{{form.receipt_email}}",
						  "status": "requires_payment_method",
						  "transfer_group": "{{form.transfer_group}}"
						}""")));
	}

	@Test
	void anOrderGetsAPaymentIntentCreatedWithTheIdempotencyKeyStoredBeforeTheCall() throws Exception {
		Placed placed = anOrder(2);
		assertThat(placed.created().get("payment").get("provider").asText()).isEqualTo("stripe");
		assertThat(placed.created().get("payment").get("clientSecret").asText()).startsWith("pi_secret_");
		assertThat(placed.created().get("payment").get("publishableKey").asText()).isEqualTo("pk_test_focusracer");
		String key = this.jdbc.sql("select idempotency_key from shop_order where id = ?")
			.param(placed.id())
			.query(String.class)
			.single();
		STRIPE.verify(postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key", equalTo(key))
			.withRequestBody(containing("amount=1000"))
			.withRequestBody(containing("currency=eur"))
			.withRequestBody(containing("metadata[order_id]=" + placed.id())));
		// The checkout page mounts Stripe's Payment Element with the intent's secret.
		MockHttpServletResponse checkout = this.mvc
			.perform(get("/orders/" + placed.id()).param("key", placed.created().get("key").asText()))
			.andReturn()
			.getResponse();
		assertThat(checkout.getContentAsString()).contains("id=\"stripe-form\"")
			.contains("data-key=\"pk_test_focusracer\"")
			.contains("data-secret=\"" + placed.created().get("payment").get("clientSecret").asText() + "\"")
			.contains("https://js.stripe.com/v3/")
			.doesNotContain("id=\"test-payments\"");
		assertThat(checkout.getHeader("Content-Security-Policy")).contains("script-src 'self' https://js.stripe.com")
			.contains("frame-src https://js.stripe.com");
		// Test payments are off when Stripe is on.
		MockHttpServletResponse test = this.mvc
			.perform(post("/api/v1/public/orders/" + placed.id() + "/test-payment")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"SUCCEEDED\",\"key\":\"" + placed.created().get("key").asText() + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(test.getStatus()).isEqualTo(400);
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void whenStripeDoesNotAnswerTheOrderIsKeptAndItsPaymentAskedForAgainWithTheSameKey() throws Exception {
		STRIPE.resetAll();
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/payment_intents"))
			.willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "api_error", "message": "An unknown error occurred"}}""")));
		Placed placed = anOrder(1);
		assertThat(placed.created().get("status").asText()).isEqualTo("PENDING");
		assertThat(placed.created().get("payment").get("clientSecret").isNull()).isTrue();

		// Opening the order asks Stripe for nothing: a GET changes nothing.
		int asked = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).size();
		String key = placed.created().get("key").asText();
		MockHttpServletResponse opened = this.mvc.perform(get("/api/v1/public/orders/" + placed.id()).param("key", key))
			.andReturn()
			.getResponse();
		assertThat(this.json.readTree(opened.getContentAsString()).get("payment").get("clientSecret").isNull())
			.isTrue();
		String page = this.mvc.perform(get("/orders/" + placed.id()).param("key", key))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"prepare-payment\"").doesNotContain("id=\"stripe-form\"");
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).hasSize(asked);

		STRIPE.resetMappings();
		stubPaymentIntents();
		MockHttpServletResponse order = this.mvc
			.perform(post("/api/v1/public/orders/" + placed.id() + "/payment").contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\":\"" + key + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(this.json.readTree(order.getContentAsString()).get("payment").get("clientSecret").asText())
			.startsWith("pi_secret_");
		String idempotencyKey = "pi-" + placed.id();
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))))
			.allSatisfy((request) -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo(idempotencyKey))
			.hasSize(asked + 1);
	}

	@Test
	void theSameSignedSucceededEventTwiceMakesOnePaidOrderAndABadSignatureIs400() throws Exception {
		Placed placed = anOrder(1);
		String event = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		assertThat(webhook(event, sign(event, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(webhook(event, sign(event, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PAID);
		assertThat(this.accounts.mailsTo(placed.email())).hasSize(1);

		Placed other = anOrder(1);
		String forged = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, other);
		assertThat(webhook(forged, "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32)).getStatus())
			.isEqualTo(400);
		assertThat(webhook(forged, null).getStatus()).isEqualTo(400);
		assertThat(webhook(forged, sign(forged, Instant.now().minusSeconds(6 * 60))).getStatus()).as("too old")
			.isEqualTo(400);
		assertThat(webhook(forged.replace("\"amount\": 500", "\"amount\": 1"), sign(forged, Instant.now())).getStatus())
			.as("body changed after signing")
			.isEqualTo(400);
		assertThat(status(other.id())).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void twentyConcurrentDeliveriesOfOneEventMakeOnePaidOrderOneMailOneSetOfShares() throws Exception {
		Placed placed = anOrder(3);
		String event = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return webhook(event, sign(event, Instant.now())).getStatus();
			}));
		}
		start.countDown();
		for (Future<Integer> result : results) {
			assertThat(result.get()).isEqualTo(200);
		}
		pool.shutdown();
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PAID);
		assertThat(this.accounts.mailsTo(placed.email())).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from sale_share where order_id = ?")
			.param(placed.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from payment_event where order_id = ?")
			.param(placed.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPaymentOfAnotherAmountOrCurrencyHoldsTheOrderForTheAdminsAndDeliversNothing() throws Exception {
		Placed placed = anOrder(2);
		String key = placed.created().get("key").asText();
		String oneEuro = "evt_" + UUID.randomUUID();
		String cheap = paymentEvent(oneEuro, PaymentUpdate.SUCCEEDED, placed, 100, "eur");
		assertThat(webhook(cheap, sign(cheap, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PAYMENT_PROBLEM);
		// Nothing delivered: no e-mail, no links, no shares.
		assertThat(this.accounts.mailsTo(placed.email())).isEmpty();
		JsonNode held = this.json
			.readTree(this.mvc.perform(get("/api/v1/public/orders/" + placed.id()).param("key", key))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(held.get("status").asText()).isEqualTo("PAYMENT_PROBLEM");
		assertThat(held.get("downloads")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from sale_share where order_id = ?")
			.param(placed.id())
			.query(Long.class)
			.single()).isZero();
		// The right payment coming after does not fulfil a held order either.
		String right = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		assertThat(webhook(right, sign(right, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PAYMENT_PROBLEM);
		assertThat(this.accounts.mailsTo(placed.email())).isEmpty();

		// The buyer is told to write; the admin sees what was reported.
		String page = this.mvc.perform(get("/orders/" + placed.id()).param("key", key))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"payment-problem\"")
			.contains("support@focusracer.com")
			.doesNotContain("id=\"download-zip\"")
			.doesNotContain("id=\"stripe-form\"");
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		String adminPage = this.mvc
			.perform(get("/admin/orders/" + placed.id()).with(user(this.accounts.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(adminPage).contains("id=\"admin-order-problem\"")
			.contains("un paiement de 1,00 € pour une commande de 10,00 €")
			.contains(oneEuro)
			.contains("Paiement à vérifier");

		// The right amount in another currency is not the order's payment either.
		Placed dollars = anOrder(1);
		String usd = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, dollars, 500, "usd");
		assertThat(webhook(usd, sign(usd, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(status(dollars.id())).isEqualTo(OrderStatus.PAYMENT_PROBLEM);
		assertThat(this.orders.get(dollars.id()).orElseThrow().problem().currency()).isEqualTo("usd");

		// Reported after the order was paid: the order stays paid, the admin is told.
		Placed paid = anOrder(1);
		String payment = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, paid);
		webhook(payment, sign(payment, Instant.now()));
		String late = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, paid, 100, "eur");
		assertThat(webhook(late, sign(late, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(status(paid.id())).isEqualTo(OrderStatus.PAID);
		assertThat(this.mvc.perform(get("/admin/orders/" + paid.id()).with(user(this.accounts.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"admin-order-problem\"")
			.contains("un autre paiement de 1,00 €")
			.contains("la commande reste telle qu'elle est");
	}

	@Test
	void openingAStripeOrderOrStripesExpiredOnboardingAddressCreatesNothingAtStripe() throws Exception {
		Placed placed = anOrder(1);
		int intents = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).size();
		String key = placed.created().get("key").asText();
		this.mvc.perform(get("/orders/" + placed.id()).param("key", key)).andReturn();
		this.mvc.perform(get("/api/v1/public/orders/" + placed.id()).param("key", key)).andReturn();
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).hasSize(intents);

		// Stripe sends a pro whose onboarding link expired to GET /pro/payouts/connect:
		// back to the statement, whose button (a POST) asks for a fresh link.
		org.springframework.test.web.servlet.MvcResult expired = this.mvc
			.perform(get("/pro/payouts/connect").with(user(this.accounts.principal(this.photographer))))
			.andReturn();
		assertThat(expired.getResponse().getRedirectedUrl()).isEqualTo("/pro/payouts");
		assertThat((String) expired.getFlashMap().get("notice")).contains("Terminer l'inscription Stripe");
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/accounts")))).isEmpty();
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/account_links")))).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from payout_account where account_id = ?")
			.param(this.photographer.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void outOfOrderEventsNeverMoveAnOrderBackwards() throws Exception {
		Placed placed = anOrder(1);
		String succeeded = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		String failed = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.FAILED, placed);
		webhook(succeeded, sign(succeeded, Instant.now()));
		assertThat(webhook(failed, sign(failed, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PAID);
		assertThat(this.accounts.mailsTo(placed.email())).as("no payment-failed e-mail").hasSize(1);
	}

	@Test
	void aWebhookThatFailsMidwayLeavesNothingAndItsRedeliveryFulfilsTheOrder() throws Exception {
		Placed placed = anOrder(1);
		String event = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		// The e-mail cannot be stored: the app is as good as down when the webhook
		// arrives.
		this.jdbc.sql("alter table outbox_mail rename to outbox_mail_away").update();
		int first;
		try {
			first = webhook(event, sign(event, Instant.now())).getStatus();
		}
		catch (Exception ex) {
			first = 500;
		}
		finally {
			this.jdbc.sql("alter table outbox_mail_away rename to outbox_mail").update();
		}
		assertThat(first).isEqualTo(500);
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PENDING);
		assertThat(this.jdbc.sql("select count(*) from payment_event where id = ?")
			.param(this.json.readTree(event).get("id").asText())
			.query(Long.class)
			.single()).as("not acknowledged as handled").isZero();

		assertThat(webhook(event, sign(event, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PAID);
		assertThat(this.accounts.mailsTo(placed.email())).hasSize(1);
	}

	@Test
	void anEventThatCannotBeReadIsKeptForAdminsAndNotAcknowledged() throws Exception {
		String id = "evt_" + UUID.randomUUID();
		String unreadable = "{\"id\": \"" + id + "\", \"object\": \"event\", \"type\": \"payment_intent.succeeded\", "
				+ "\"data\": {\"object\": {\"object\": \"payment_intent\"}}}";
		MockHttpServletResponse response = webhook(unreadable, sign(unreadable, Instant.now()));
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(
				this.jdbc.sql("select status from payment_event where id = ?").param(id).query(String.class).single())
			.isEqualTo("UNPARSEABLE");
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		String page = this.mvc.perform(get("/admin/payment-events").with(user(this.accounts.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(id);
	}

	@Test
	void aRefundStripeRefusesCountsForNothingAndTheFullRefundStaysPossible() throws Exception {
		Placed placed = anOrder(2);
		String paid = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		webhook(paid, sign(paid, Instant.now()));
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		// Stripe refuses (its documented error body).
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/refunds"))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"""
								{"error": {"code": "charge_already_refunded", "message": "Charge ch_test_1 has already been refunded.",
								 "type": "invalid_request_error"}}""")));
		Object error = this.mvc
			.perform(post("/admin/orders/" + placed.id() + "/refund").param("amount", "3")
				.with(csrf())
				.with(user(this.accounts.principal(admin))))
			.andReturn()
			.getFlashMap()
			.get("error");
		assertThat(error).asString().contains("Stripe a refusé");
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PAID);
		assertThat(this.orders.get(placed.id()).orElseThrow().refundedAmount()).isZero();

		// Stripe accepts the next one: the whole amount can still be refunded.
		String paymentId = this.orders.get(placed.id()).orElseThrow().paymentId();
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/refunds"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"id": "re_2Nispe2eZvKYlo2Cd31jOCgZ", "object": "refund", "amount": 1000, "charge": "ch_test_1",
					 "created": 1692942318, "currency": "eur", "metadata": {}, "payment_intent": "%s",
					 "reason": null, "status": "succeeded"}""".formatted(paymentId))));
		this.mvc.perform(post("/admin/orders/" + placed.id() + "/refund").with(csrf())
			.with(user(this.accounts.principal(admin))));
		STRIPE.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withRequestBody(containing("amount=1000")));
		assertThat(status(placed.id())).isEqualTo(OrderStatus.REFUNDED);
		assertThat(this.orders.get(placed.id()).orElseThrow().refundedAmount()).isEqualTo(1000);
	}

	@Test
	void refundsAndDisputesFromStripeReachTheOrderAndTheAdminLists() throws Exception {
		Placed placed = anOrder(2);
		String paid = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		webhook(paid, sign(paid, Instant.now()));
		String paymentId = this.orders.get(placed.id()).orElseThrow().paymentId();

		// An admin refunds 3 €: Stripe's refund is created with an idempotency key.
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/refunds"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"id": "re_1Nispe2eZvKYlo2Cd31jOCgZ", "object": "refund", "amount": 300, "charge": "ch_test_1",
					 "created": 1692942318, "currency": "eur", "metadata": {}, "payment_intent": "%s",
					 "reason": null, "status": "succeeded"}""".formatted(paymentId))));
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		this.mvc
			.perform(post("/admin/orders/" + placed.id() + "/refund").param("amount", "3")
				.with(csrf())
				.with(user(this.accounts.principal(admin))))
			.andReturn();
		STRIPE.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", containing("refund-"))
			.withRequestBody(containing("amount=300")));
		assertThat(status(placed.id())).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);

		// Stripe's charge.refunded follows with the cumulated amount: nothing more
		// changes.
		String refunded = chargeEvent("evt_" + UUID.randomUUID(), PaymentUpdate.REFUNDED, paymentId, 300);
		assertThat(webhook(refunded, sign(refunded, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(this.orders.get(placed.id()).orElseThrow().refundedAmount()).isEqualTo(300);
		// Then the rest, refunded from Stripe's dashboard.
		String all = chargeEvent("evt_" + UUID.randomUUID(), PaymentUpdate.REFUNDED, paymentId, 1000);
		webhook(all, sign(all, Instant.now()));
		assertThat(status(placed.id())).isEqualTo(OrderStatus.REFUNDED);

		String disputeId = "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		String dispute = """
				{"id": "evt_%s", "object": "event", "api_version": "2026-02-25.clover", "created": %d,
				 "type": "charge.dispute.created", "livemode": false, "pending_webhooks": 1,
				 "data": {"object": {"id": "%s", "object": "dispute", "amount": 1000, "charge": "ch_test_1",
				   "currency": "eur", "payment_intent": "%s", "reason": "fraudulent", "status": "needs_response",
				   "created": 1680651737, "livemode": false, "metadata": {}}}}""".formatted(UUID.randomUUID(),
				Instant.now().getEpochSecond(), disputeId, paymentId);
		assertThat(webhook(dispute, sign(dispute, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(this.orders.get(placed.id()).orElseThrow().disputed()).isTrue();
		String page = this.mvc.perform(get("/admin/disputes").with(user(this.accounts.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(disputeId).contains("fraudulent").contains("needs_response");
	}

	@Test
	void theReturnPageAndTheWebhookFulfilTheOrderOnceWhicheverComesFirst() throws Exception {
		Placed placed = anOrder(1);
		Order order = this.orders.get(placed.id()).orElseThrow();
		// GET /v1/payment_intents/{id} once the buyer paid, as in Stripe's reference.
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlEqualTo("/v1/payment_intents/" + order.paymentId()))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"id": "%s", "object": "payment_intent", "amount": 500, "amount_received": 500, "currency": "eur",
					 "latest_charge": "ch_return_1", "livemode": false, "metadata": {"order_id": "%s"},
					 "status": "succeeded"}""".formatted(order.paymentId(), order.id()))));
		String page = this.mvc
			.perform(get("/orders/" + placed.id()).param("key", placed.created().get("key").asText())
				.param("payment_intent", order.paymentId())
				.param("redirect_status", "succeeded"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-status=\"PAID\"").contains("id=\"download-zip\"");
		String event = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		assertThat(webhook(event, sign(event, Instant.now())).getStatus()).isEqualTo(200);
		assertThat(this.accounts.mailsTo(placed.email())).hasSize(1);
	}

	@Test
	void aPhotographerOnboardsWithStripeExpressAndTheirShareIsTransferredOnce() throws Exception {
		String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/accounts"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("""
						{"id": "%s", "object": "account", "type": "express", "charges_enabled": false,
						 "payouts_enabled": false, "details_submitted": false, "country": "FR", "email": "%s"}"""
					.formatted(account, this.photographer.email()))));
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/account_links"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"object": "account_link", "created": 1680577733, "expires_at": 1680578033,
					 "url": "https://connect.stripe.com/setup/e/%s/YWNjdF8xTnYwRkdROVJL"}""".formatted(account))));
		MockHttpServletResponse onboarding = this.mvc
			.perform(post("/pro/payouts/connect").with(csrf()).with(user(this.accounts.principal(this.photographer))))
			.andReturn()
			.getResponse();
		assertThat(onboarding.getRedirectedUrl()).startsWith("https://connect.stripe.com/setup/e/" + account);
		STRIPE.verify(postRequestedFor(urlEqualTo("/v1/accounts"))
			.withHeader("Idempotency-Key", equalTo("connect-" + this.photographer.id()))
			.withRequestBody(containing("type=express")));

		// Back from Stripe, onboarding complete.
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/accounts/" + account))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"id": "%s", "object": "account", "type": "express", "charges_enabled": true,
					 "payouts_enabled": true, "details_submitted": true, "country": "FR"}""".formatted(account))));
		String statement = this.mvc
			.perform(get("/pro/payouts").param("connected", "").with(user(this.accounts.principal(this.photographer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statement).contains("id=\"connect-ready\"");

		// A sale of 10 €: 9 € for the photographer, transferred once with the share's
		// key.
		Placed placed = anOrder(2);
		String paid = paymentEvent("evt_" + UUID.randomUUID(), PaymentUpdate.SUCCEEDED, placed);
		webhook(paid, sign(paid, Instant.now()));
		STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/transfers"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"id": "tr_1MiN3gLkdIwHu7ixNCZvFdgA", "object": "transfer", "amount": 900, "currency": "eur",
					 "destination": "%s", "livemode": false, "reversed": false}""".formatted(account))));
		assertThat(this.payouts.payOutDue()).isEqualTo(1);
		assertThat(this.payouts.payOutDue()).isZero();
		// The payout recorded before the call names the transfer: its key, its group.
		String payout = "payout-" + this.jdbc
			.sql("select p.id from payout p join sale_share s on s.id = p.share_id where s.order_id = ? and s.role = ?")
			.params(placed.id(), "PHOTOGRAPHER")
			.query(UUID.class)
			.single();
		STRIPE.verify(1,
				postRequestedFor(urlEqualTo("/v1/transfers")).withHeader("Idempotency-Key", equalTo(payout))
					.withRequestBody(containing("transfer_group=" + payout))
					.withRequestBody(containing("amount=900"))
					.withRequestBody(containing("destination=" + account))
					.withRequestBody(containing("source_transaction=ch_test_" + placed.id())));
		String csv = this.mvc.perform(get("/pro/payouts.csv").with(user(this.accounts.principal(this.photographer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains(",PHOTOGRAPHER,10.00,1.00,9.00,EUR,PAID_OUT,tr_1MiN3gLkdIwHu7ixNCZvFdgA");
	}

	private Placed anOrder(int photos) throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Course Stripe");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, photos));
		String email = AccountsTestUtils.uniqueEmail("stripe");
		List<String> ids = uploaded.keySet().stream().map((id) -> "\"" + id + "\"").toList();
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[" + String.join(",", ids)
						+ "],\"email\":\"" + email + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		JsonNode created = this.json.readTree(response.getContentAsString());
		return new Placed(UUID.fromString(created.get("id").asText()), email, created);
	}

	/**
	 * A payment_intent.* event as in Stripe's reference, for an order's PaymentIntent.
	 */
	private String paymentEvent(String eventId, String type, Placed placed) {
		Order order = this.orders.get(placed.id()).orElseThrow();
		return paymentEvent(eventId, type, placed, order.amount(), "eur");
	}

	/**
	 * The same, for a payment of some amount in some currency.
	 */
	private String paymentEvent(String eventId, String type, Placed placed, long amount, String currency) {
		Order order = this.orders.get(placed.id()).orElseThrow();
		boolean succeeded = PaymentUpdate.SUCCEEDED.equals(type);
		return """
				{
				  "id": "%s",
				  "object": "event",
				  "api_version": "2026-02-25.clover",
				  "created": %d,
				  "data": {
				    "object": {
				      "id": "%s",
				      "object": "payment_intent",
				      "amount": %d,
				      "amount_received": %d,
				      "currency": "%s",
				      "latest_charge": %s,
				      "last_payment_error": %s,
				      "livemode": false,
				      "metadata": {"order_id": "%s"},
				      "status": "%s"
				    }
				  },
				  "livemode": false,
				  "pending_webhooks": 1,
				  "request": {"id": null, "idempotency_key": null},
				  "type": "%s"
				}""".formatted(eventId, Instant.now().getEpochSecond(), order.paymentId(), amount,
				succeeded ? amount : 0, currency, succeeded ? "\"ch_test_" + order.id() + "\"" : "null",
				succeeded ? "null" : "{\"code\": \"card_declined\", \"decline_code\": \"insufficient_funds\"}",
				order.id(), succeeded ? "succeeded" : "requires_payment_method", type);
	}

	private static String chargeEvent(String eventId, String type, String paymentId, long refunded) {
		return """
				{"id": "%s", "object": "event", "api_version": "2026-02-25.clover", "created": %d, "type": "%s",
				 "livemode": false, "pending_webhooks": 1,
				 "data": {"object": {"id": "ch_test_1", "object": "charge", "amount": 1000, "amount_captured": 1000,
				   "amount_refunded": %d, "currency": "eur", "payment_intent": "%s", "refunded": %s,
				   "status": "succeeded", "metadata": {}}}}""".formatted(eventId, Instant.now().getEpochSecond(), type,
				refunded, paymentId, refunded >= 1000);
	}

	/**
	 * Signs a payload as Stripe does.
	 */
	static String sign(String payload, Instant at) throws Exception {
		long timestamp = at.getEpochSecond();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = HexFormat.of()
			.formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
		return "t=" + timestamp + ",v1=" + signature;
	}

	private MockHttpServletResponse webhook(String payload, String signature) throws Exception {
		var request = post("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
			.content(payload.getBytes(StandardCharsets.UTF_8));
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private OrderStatus status(UUID id) {
		return this.orders.get(id).orElseThrow().status();
	}

	record Placed(UUID id, String email, JsonNode created) {
	}

}

package com.focusracer.shop;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.mail.OutboxMail;

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
 * Buying through the API with the offline test payments: prices from the server only, the
 * same path as a webhook, originals byte for byte, a streamed ZIP, signed links bound to
 * their order, refunds that stop the links, the e-mails of each step.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShopApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Downloads downloads;

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.focusracer.photos.PhotoManagement photos;

	private final ObjectMapper json = new ObjectMapper();

	private TestAccount photographer;

	@BeforeEach
	void aPhotographer() {
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
	}

	@Test
	void threePhotosPaidWithTestPaymentsDownloadByteForByteAloneAndAsAZip() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Marathon de Lyon");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 3));
		String buyer = AccountsTestUtils.uniqueEmail("buyer");

		JsonNode created = createOrder(event, List.copyOf(uploaded.keySet()), buyer, 201);
		assertThat(created.get("status").asText()).isEqualTo("PENDING");
		assertThat(created.get("amount").asLong()).as("pack of 3").isEqualTo(1200);
		assertThat(created.get("currency").asText()).isEqualTo("EUR");
		assertThat(created.get("payment").get("provider").asText()).isEqualTo("test");
		String id = created.get("id").asText();
		String key = created.get("key").asText();

		JsonNode unpaid = getJson("/api/v1/public/orders/" + id + "?key=" + key, 200);
		assertThat(unpaid.get("downloads")).isEmpty();

		JsonNode paid = pay(created, "SUCCEEDED");
		assertThat(paid.get("status").asText()).isEqualTo("PAID");
		JsonNode order = getJson("/api/v1/public/orders/" + id + "?key=" + key, 200);
		assertThat(order.get("downloads")).hasSize(3);
		for (JsonNode download : order.get("downloads")) {
			UUID photoId = UUID.fromString(download.get("photoId").asText());
			MockHttpServletResponse file = download(download.get("url").asText());
			assertThat(file.getStatus()).isEqualTo(200);
			assertThat(file.getHeader("Content-Disposition")).startsWith("attachment;").contains(".jpg");
			assertThat(ShopTestUtils.sha256(file.getContentAsByteArray())).as("the original, byte for byte")
				.isEqualTo(uploaded.get(photoId));
			assertThat(Instant.parse(download.get("expiresAt").asText()))
				.isAfter(Instant.now().plus(java.time.Duration.ofDays(6)));
		}
		MockHttpServletResponse zip = download(order.get("zipUrl").asText());
		assertThat(zip.getStatus()).isEqualTo(200);
		assertThat(zip.getContentType()).isEqualTo("application/zip");
		assertThat(zip.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(ShopTestUtils.zipContents(zip.getContentAsByteArray()).values())
			.containsExactlyInAnyOrderElementsOf(uploaded.values());

		// The invoice: seller, total and the VAT it includes (InvoicesIntegrationTests
		// reads it line by line).
		MockHttpServletResponse receipt = download(order.get("receiptUrl").asText());
		assertThat(receipt.getContentType()).isEqualTo("application/pdf");
		String receiptText = new com.lowagie.text.pdf.parser.PdfTextExtractor(
				new com.lowagie.text.pdf.PdfReader(receipt.getContentAsByteArray()))
			.getTextFromPage(1);
		assertThat(receiptText).contains("Focus Racer")
			.contains("Facture n° FR-")
			.containsPattern("Total TTC\\s*12,00 €")
			.containsPattern("TVA 20 %\\s*2,00 €")
			.contains(buyer);

		// One confirmation e-mail, in French, with the links.
		List<OutboxMail> mails = this.accounts.mailsTo(buyer);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).subject()).startsWith("Vos photos de " + event.name());
		assertThat(mails.get(0).body()).contains("/downloads/" + id + "/zip?expires=").contains("12,00 €");

		// Another order's key opens nothing.
		JsonNode other = createOrder(event, List.copyOf(uploaded.keySet()).subList(0, 1), buyer, 201);
		assertThat(other.get("amount").asLong()).isEqualTo(500);
		assertThat(status("/api/v1/public/orders/" + id + "?key=" + other.get("key").asText())).isEqualTo(403);
		assertThat(status("/api/v1/public/orders/" + id)).isEqualTo(403);
		assertThat(status("/orders/" + id + "?key=" + other.get("key").asText())).isEqualTo(403);
		// A link of this order does not open another order's photo, nor the other order.
		String link = order.get("downloads").get(0).get("url").asText();
		MockHttpServletResponse swapped = download(link.replace(id, other.get("id").asText()));
		assertThat(swapped.getStatus()).isEqualTo(403);
		assertThat(swapped.getContentAsString()).contains("id=\"download-refused\"").contains("Nouveaux liens");
	}

	@Test
	void aSoldPhotoDeletedByItsTeamLeavesTheGalleryButItsBuyerStillDownloadsIt() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Vendue puis supprimée");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 2));
		List<UUID> ids = List.copyOf(uploaded.keySet());
		UUID sold = ids.get(0);
		UUID unsold = ids.get(1);
		JsonNode created = createOrder(event, List.of(sold), AccountsTestUtils.uniqueEmail("buyer"), 201);
		pay(created, "SUCCEEDED");

		org.springframework.test.web.servlet.MvcResult deleted = this.mvc
			.perform(post("/pro/events/" + event.id() + "/photos/bulk")
				.param("photo", sold.toString(), unsold.toString())
				.param("action", "delete")
				.with(csrf())
				.with(user(this.accounts.principal(this.photographer))))
			.andReturn();
		assertThat((String) deleted.getFlashMap().get("notice")).contains("déjà vendue").contains("retirée");
		assertThat(this.photos.get(unsold)).as("the unsold photo is gone").isEmpty();
		assertThat(this.photos.get(sold)).get().satisfies((photo) -> assertThat(photo.isPublic()).isFalse());
		assertThat(status("/events/" + event.slug() + "/photos/" + sold)).as("out of the gallery").isEqualTo(404);

		JsonNode order = getJson(
				"/api/v1/public/orders/" + created.get("id").asText() + "?key=" + created.get("key").asText(), 200);
		MockHttpServletResponse file = download(order.get("downloads").get(0).get("url").asText());
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(ShopTestUtils.sha256(file.getContentAsByteArray())).as("the original, still there")
			.isEqualTo(uploaded.get(sold));
	}

	@Test
	void expiredLinksAreRefusedWithAPageThatSaysHowToGetNewOnesAndRenewedLinksWork() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Trail des Monts");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 1));
		JsonNode created = createOrder(event, List.copyOf(uploaded.keySet()), AccountsTestUtils.uniqueEmail("late"),
				201);
		String id = created.get("id").asText();
		pay(created, "SUCCEEDED");
		this.jdbc.sql("update shop_order set links_until = now() - interval '1 day' where id = ?")
			.param(UUID.fromString(id))
			.update();
		Order order = this.orders.get(UUID.fromString(id)).orElseThrow();
		MockHttpServletResponse expired = download(this.downloads.links(order).photos().get(0).url());
		assertThat(expired.getStatus()).isEqualTo(403);
		assertThat(expired.getContentAsString()).contains("data-reason=\"EXPIRED\"").contains("Nouveaux liens");

		this.mvc.perform(post("/orders/" + id + "/links").param("key", created.get("key").asText()).with(csrf()))
			.andReturn();
		JsonNode renewed = getJson("/api/v1/public/orders/" + id + "?key=" + created.get("key").asText(), 200);
		assertThat(download(renewed.get("downloads").get(0).get("url").asText()).getStatus()).isEqualTo(200);
	}

	@Test
	void onlyTheHolderOfTheOrdersKeyPaysItWithTestPaymentsAndGetsItsLinks() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Corrida de Noël");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 1));
		JsonNode created = createOrder(event, List.copyOf(uploaded.keySet()), AccountsTestUtils.uniqueEmail("keyed"),
				201);
		JsonNode other = createOrder(event, List.copyOf(uploaded.keySet()), AccountsTestUtils.uniqueEmail("other"),
				201);
		String path = "/api/v1/public/orders/" + created.get("id").asText() + "/test-payment";

		MockHttpServletResponse noKey = postJson(path, "{\"outcome\":\"SUCCEEDED\"}");
		assertThat(noKey.getStatus()).isEqualTo(403);
		assertThat(noKey.getContentAsString()).contains("key is missing or does not open this order")
			.doesNotContain("/downloads/");
		MockHttpServletResponse otherKey = postJson(path,
				"{\"outcome\":\"SUCCEEDED\",\"key\":\"" + other.get("key").asText() + "\"}");
		assertThat(otherKey.getStatus()).isEqualTo(403);
		assertThat(otherKey.getContentAsString()).doesNotContain("/downloads/");
		assertThat(this.orders.get(UUID.fromString(created.get("id").asText())).orElseThrow().status())
			.as("nobody but the key holder paid it")
			.isEqualTo(OrderStatus.PENDING);

		JsonNode paid = pay(created, "SUCCEEDED");
		assertThat(paid.get("status").asText()).isEqualTo("PAID");
		assertThat(paid.get("downloads")).hasSize(1);
		assertThat(paid.get("zipUrl").asText()).contains("/downloads/" + created.get("id").asText() + "/zip");
	}

	@Test
	void anOrderKeyRenewsLinksForThirtyDaysAfterPaymentThenThePageSaysWhomToWriteTo() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Trail d'antan");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 1));
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		JsonNode created = createOrder(event, List.copyOf(uploaded.keySet()), runner.email(), 201);
		String id = created.get("id").asText();
		String key = created.get("key").asText();
		pay(created, "SUCCEEDED");
		// Paid 31 days ago; the links ran out yesterday.
		this.jdbc.sql("""
				update shop_order set paid_at = now() - interval '31 days', links_until = now() - interval '1 day'
				where id = ?""").param(UUID.fromString(id)).update();

		String page = this.mvc.perform(get("/orders/" + id).param("key", key))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"links-expired\"")
			.contains("pendant 30 jours après le paiement")
			.contains("support@focusracer.com")
			.contains(id.substring(0, 8).toUpperCase())
			.doesNotContain("id=\"renew-links\"")
			.doesNotContain("id=\"download-zip\"");
		org.springframework.test.web.servlet.MvcResult refused = this.mvc
			.perform(post("/orders/" + id + "/links").param("key", key).with(csrf()))
			.andReturn();
		assertThat((String) refused.getFlashMap().get("error")).contains("30 jours").contains("support@focusracer.com");
		assertThat(getJson("/api/v1/public/orders/" + id + "?key=" + key, 200).get("downloads")
			.get(0)
			.get("expiresAt")
			.asText()).as("no new links")
			.satisfies((expiry) -> assertThat(Instant.parse(expiry)).isBefore(Instant.now()));

		// The buyer, signed in with the order's confirmed address, still gets new links.
		this.mvc.perform(post("/orders/" + id + "/links").with(csrf()).with(user(this.accounts.principal(runner))))
			.andReturn();
		JsonNode renewed = getJson("/api/v1/public/orders/" + id + "?key=" + key, 200);
		assertThat(download(renewed.get("downloads").get(0).get("url").asText()).getStatus()).isEqualTo(200);
	}

	@Test
	void pricesComeFromTheServerOnlyAndBadCartsAreExplained() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "10 km de Bron");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 2));
		String body = "{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[\""
				+ String.join("\",\"", uploaded.keySet().stream().map(UUID::toString).toList())
				+ "\"],\"email\":\"cheat@example.org\"," + "\"amount\":1,\"currency\":\"USD\",\"price\":0}";
		JsonNode created = this.json.readTree(
				this.mvc.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON).content(body))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(created.get("amount").asLong()).as("two singles, whatever the client says").isEqualTo(1000);
		assertThat(created.get("currency").asText()).isEqualTo("EUR");

		// A photo of another event, an empty cart, a bad address: 400 saying what to do.
		Event other = this.shop.anEventOnSale(this.photographer, "Autre course");
		UUID foreign = this.shop.publish(other, this.photographer, ShopTestUtils.runners(null, 1))
			.keySet()
			.iterator()
			.next();
		MockHttpServletResponse mixed = postJson("/api/v1/public/orders", "{\"eventSlug\":\"" + event.slug()
				+ "\",\"photoIds\":[\"" + foreign + "\"],\"email\":\"a@example.org\"}");
		assertThat(mixed.getStatus()).isEqualTo(400);
		assertThat(mixed.getContentAsString()).contains("taken off the gallery");
		MockHttpServletResponse empty = postJson("/api/v1/public/orders",
				"{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[],\"email\":\"a@example.org\"}");
		assertThat(empty.getContentAsString()).contains("The cart is empty");
		MockHttpServletResponse email = postJson("/api/v1/public/orders", "{\"eventSlug\":\"" + event.slug()
				+ "\",\"photoIds\":[\"" + uploaded.keySet().iterator().next() + "\"],\"email\":\"nope\"}");
		assertThat(email.getStatus()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from shop_order where email = 'nope'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aFailedPaymentCanBeRetriedAndALateFailureNeverUndoesAPayment() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Semi de Caluire");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 1));
		String buyer = AccountsTestUtils.uniqueEmail("retry");
		JsonNode created = createOrder(event, List.copyOf(uploaded.keySet()), buyer, 201);
		String id = created.get("id").asText();

		assertThat(pay(created, "FAILED").get("status").asText()).isEqualTo("FAILED");
		assertThat(this.accounts.mailsTo(buyer)).singleElement()
			.satisfies((mail) -> assertThat(mail.body()).contains("/orders/" + id + "?key="));
		assertThat(pay(created, "SUCCEEDED").get("status").asText()).isEqualTo("PAID");
		assertThat(pay(created, "FAILED").get("status").asText()).as("never backwards").isEqualTo("PAID");
		assertThat(this.accounts.mailsTo(buyer)).hasSize(2);
	}

	@Test
	void adminRefundsPartlyThenFullyAndTheLinksStop() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Cross de Vénissieux");
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 3));
		String buyer = AccountsTestUtils.uniqueEmail("refund");
		JsonNode created = createOrder(event, List.copyOf(uploaded.keySet()), buyer, 201);
		String id = created.get("id").asText();
		pay(created, "SUCCEEDED");
		String zipUrl = getJson("/api/v1/public/orders/" + id + "?key=" + created.get("key").asText(), 200)
			.get("zipUrl")
			.asText();
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);

		refund(admin, id, "20");
		assertThat(this.orders.get(UUID.fromString(id)).orElseThrow().status()).as("more than paid: refused")
			.isEqualTo(OrderStatus.PAID);
		refund(admin, id, "4,50");
		Order partly = this.orders.get(UUID.fromString(id)).orElseThrow();
		assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		assertThat(partly.refundedAmount()).isEqualTo(450);
		assertThat(download(zipUrl).getStatus()).isEqualTo(200);
		// The photographer earns on what the buyer still pays: 7.50 € − 10 % = 6.75 €.
		assertThat(this.jdbc.sql("select amount from sale_share where order_id = ? and role = 'PHOTOGRAPHER'")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(675);

		refund(admin, id, "");
		Order refunded = this.orders.get(UUID.fromString(id)).orElseThrow();
		assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(refunded.refundedAmount()).isEqualTo(1200);
		MockHttpServletResponse stopped = download(zipUrl);
		assertThat(stopped.getStatus()).isEqualTo(403);
		assertThat(stopped.getContentAsString()).contains("data-reason=\"REFUNDED\"");
		assertThat(this.accounts.mailsTo(buyer)).extracting(OutboxMail::subject)
			.anyMatch((s) -> s.startsWith("Remboursement partiel"))
			.anyMatch((s) -> s.startsWith("Remboursement de votre commande"));
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'order.refund' and target_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);
		// The photographer's share of a refunded sale is not paid out.
		assertThat(this.jdbc.sql("select status from sale_share where order_id = ? and role = 'PHOTOGRAPHER'")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
	}

	@Test
	void eachSaleRecordsThePlatformFeeAndThePhotographersShareOnTheirStatement() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.shop.anEventOnSale(organizer, "Ekiden de Lyon");
		this.jdbc.sql("update price_list set organizer_share_percent = 20 where event_id = ?")
			.param(event.id())
			.update();
		this.jdbc.sql("insert into event_member (event_id, account_id, added_at) values (?, ?, now())")
			.params(event.id(), this.photographer.id())
			.update();
		Map<UUID, String> uploaded = this.shop.publish(event, this.photographer, ShopTestUtils.runners(null, 3));
		JsonNode created = createOrder(event, List.copyOf(uploaded.keySet()), AccountsTestUtils.uniqueEmail("fan"),
				201);
		pay(created, "SUCCEEDED");
		// 12 € − 10 % fee (1.20 €) = 10.80 €; the organizer takes 20 % of it (2.16 €).
		MockHttpServletResponse csv = this.mvc
			.perform(get("/pro/payouts.csv").with(user(this.accounts.principal(this.photographer))))
			.andReturn()
			.getResponse();
		assertThat(csv.getContentAsString()).contains(",PHOTOGRAPHER,12.00,1.20,8.64,EUR,DUE,");
		MockHttpServletResponse organizerCsv = this.mvc
			.perform(get("/pro/payouts.csv").with(user(this.accounts.principal(organizer))))
			.andReturn()
			.getResponse();
		assertThat(organizerCsv.getContentAsString()).contains(",ORGANIZER,12.00,0.00,2.16,EUR,DUE,");
		String page = this.mvc.perform(get("/pro/payouts").with(user(this.accounts.principal(this.photographer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("8,64 €").contains("1,20 €");
	}

	@Test
	void allMyPhotosWebVersionsAndFreeSponsoredEvents() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Run in Lyon");
		Map<UUID, String> mine = this.shop.publish(event, this.photographer, ShopTestUtils.runners("2024", 2));
		List<UUID> ids = List.copyOf(mine.keySet());
		// "All my photos" for bib 2024 (two photos, 20 €) asked for explicitly.
		MockHttpServletResponse all = postJson("/api/v1/public/orders", "{\"eventSlug\":\"" + event.slug()
				+ "\",\"bib\":\"2024\",\"allPhotos\":true,\"email\":\"all@example.org\"}");
		assertThat(all.getStatus()).as(all.getContentAsString()).isEqualTo(201);
		JsonNode allPhotos = this.json.readTree(all.getContentAsString());
		assertThat(allPhotos.get("amount").asLong()).isEqualTo(2000);
		assertThat(allPhotos.get("pricing").get("allPhotosBib").asText()).isEqualTo("2024");
		// One photo in web resolution: 3 €, delivered at 1,600 px without watermark.
		MockHttpServletResponse web = postJson("/api/v1/public/orders", "{\"eventSlug\":\"" + event.slug()
				+ "\",\"photoIds\":[\"" + ids.get(0) + "\"],\"resolution\":\"WEB\",\"email\":\"web@example.org\"}");
		JsonNode webOrder = this.json.readTree(web.getContentAsString());
		assertThat(webOrder.get("amount").asLong()).isEqualTo(300);
		pay(webOrder, "SUCCEEDED");
		JsonNode webPaid = getJson(
				"/api/v1/public/orders/" + webOrder.get("id").asText() + "?key=" + webOrder.get("key").asText(), 200);
		byte[] webFile = download(webPaid.get("downloads").get(0).get("url").asText()).getContentAsByteArray();
		java.awt.image.BufferedImage webImage = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(webFile));
		assertThat(Math.max(webImage.getWidth(), webImage.getHeight())).isLessThanOrEqualTo(1600);

		// A free sponsored event: no payment, the photos framed with the sponsor line.
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event free = this.shop.anEventOnSale(organizer, "Course offerte");
		this.jdbc.sql("update price_list set free = true, sponsor_frame = true where event_id = ?")
			.param(free.id())
			.update();
		this.jdbc.sql("insert into event_member (event_id, account_id, added_at) values (?, ?, now())")
			.params(free.id(), this.photographer.id())
			.update();
		UUID gift = this.shop.publish(free, this.photographer, ShopTestUtils.runners(null, 1))
			.keySet()
			.iterator()
			.next();
		JsonNode freeOrder = createOrder(free, List.of(gift), "free@example.org", 201);
		assertThat(freeOrder.get("amount").asLong()).isZero();
		assertThat(freeOrder.get("status").asText()).isEqualTo("PAID");
		JsonNode freePaid = getJson(
				"/api/v1/public/orders/" + freeOrder.get("id").asText() + "?key=" + freeOrder.get("key").asText(), 200);
		byte[] framed = download(freePaid.get("downloads").get(0).get("url").asText()).getContentAsByteArray();
		java.awt.image.BufferedImage framedImage = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(framed));
		assertThat(framedImage.getWidth()).isEqualTo(1200);
		assertThat(framedImage.getHeight()).as("the sponsor band below the photo").isGreaterThan(800);
	}

	private void refund(TestAccount admin, String id, String amount) throws Exception {
		this.mvc
			.perform(post("/admin/orders/" + id + "/refund").param("amount", amount)
				.with(csrf())
				.with(user(this.accounts.principal(admin))))
			.andReturn();
	}

	private JsonNode createOrder(Event event, List<UUID> photoIds, String email, int expected) throws Exception {
		List<String> ids = new ArrayList<>();
		photoIds.forEach((id) -> ids.add("\"" + id + "\""));
		MockHttpServletResponse response = postJson("/api/v1/public/orders", "{\"eventSlug\":\"" + event.slug()
				+ "\",\"photoIds\":[" + String.join(",", ids) + "],\"email\":\"" + email + "\"}");
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return this.json.readTree(response.getContentAsString());
	}

	/**
	 * A test payment by the buyer, who holds the order's key.
	 */
	private JsonNode pay(JsonNode created, String outcome) throws Exception {
		MockHttpServletResponse response = postJson(
				"/api/v1/public/orders/" + created.get("id").asText() + "/test-payment",
				"{\"outcome\":\"" + outcome + "\",\"key\":\"" + created.get("key").asText() + "\"}");
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

	private MockHttpServletResponse postJson(String path, String body) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
	}

	private JsonNode getJson(String path, int expected) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(expected);
		return this.json.readTree(response.getContentAsString());
	}

	private int status(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private MockHttpServletResponse download(String url) throws Exception {
		URI uri = URI.create(url);
		org.springframework.test.web.servlet.MvcResult result = this.mvc
			.perform(get(uri.getPath() + "?" + uri.getRawQuery()))
			.andReturn();
		if (result.getRequest().isAsyncStarted()) {
			return this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
				.andReturn()
				.getResponse();
		}
		return result.getResponse();
	}

}

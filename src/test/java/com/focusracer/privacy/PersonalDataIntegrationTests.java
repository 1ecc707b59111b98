package com.focusracer.privacy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.shop.Order;
import com.focusracer.shop.Orders;
import com.focusracer.shop.ShopTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A runner with an account, an order with its invoice, favourites, a cart, a photo alert,
 * a start-list entry, photos linked to their bib with faces on them: the access export
 * holds all of it; the erasure leaves nothing of them anywhere in the database but the
 * invoice archive.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	StartLists startLists;

	@Autowired
	PrivacyRequests requests;

	@Autowired
	PrivacyRegister register;

	@Autowired
	JdbcClient jdbc;

	record Someone(TestAccount account, String name, Event event, List<UUID> photos, Order order,
			TestAccount photographer) {
	}

	@Test
	void theAccessExportHoldsEverythingAboutThePersonAndWorksOnce() throws Exception {
		Someone someone = aRunnerWithEverything();
		MockHttpSession runner = AccountsTestUtils.logIn(this.mvc, someone.account());
		this.mvc.perform(post("/account/privacy").session(runner).with(csrf()).param("type", "ACCESS"))
			.andExpect(status().is3xxRedirection());
		PrivacyRequest request = this.requests.ofAccount(someone.account().id()).get(0);
		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));
		this.mvc.perform(post("/admin/privacy/" + request.id() + "/export").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String link = this.accounts.linkInLatestMail(someone.account().email(), "vos données");
		assertThat(link).startsWith("/privacy/export/");

		byte[] zip = this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, String> files = unzip(zip);
		String email = someone.account().email();
		assertThat(files.get("index.json")).contains(request.reference());
		assertThat(files.get("accounts/account.json")).contains(email, someone.name(), "RUNNER");
		assertThat(files).containsKeys("accounts/api-tokens.json", "accounts/e-mailed-links.json");
		assertThat(files.get("shop/orders.csv")).contains(someone.order().id().toString(), email);
		assertThat(files.get("shop/invoices.json")).contains("FR-");
		assertThat(files.get("shop/order-photos.json")).contains(someone.photos().get(0).toString());
		assertThat(files.get("shop/cart.json")).contains(someone.photos().get(1).toString());
		assertThat(files.get("gallery/favourites.json")).contains(someone.photos().get(1).toString(),
				"/events/" + someone.event().slug() + "/photos/" + someone.photos().get(1));
		assertThat(files.get("gallery/photo-alerts.csv")).contains(email, "4242");
		assertThat(files.get("events/start-list-entries.csv")).contains("Zéphyrine", email, "4242");
		assertThat(files.get("recognition/linked-photos.json"))
			.contains("/events/" + someone.event().slug() + "/photos/" + someone.photos().get(0));
		assertThat(files.get("recognition/face-data.json")).contains("\"face_templates_on_linked_photos\" : 2");
		assertThat(files.get("privacy/audit-entries.json")).contains("privacy.request.filed");
		assertThat(files.get("privacy/consents.csv")).contains("PHOTO_ALERTS", "4242");
		assertThat(files.get("mail/e-mails.csv")).contains("Demande " + request.reference() + " reçue");

		PrivacyRequest done = this.register.get(request.id());
		assertThat(done.status()).isEqualTo(RequestStatus.DONE);
		assertThat(done.exportSha256()).isEqualTo(ShopTestUtils.sha256(zip));
		assertThat(this.jdbc.sql("select count(*) from privacy_request_step where request_id = ? and detail like ?")
			.params(request.id(), "sha256 " + ShopTestUtils.sha256(zip))
			.query(Long.class)
			.single()).isOne();
		this.mvc.perform(get(link))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("id=\"privacy-export-invalid\"")));
	}

	@Test
	void afterAnErasureTheDatabaseHoldsThePersonOnlyInTheInvoiceArchive() throws Exception {
		Someone someone = aRunnerWithEverything();
		String email = someone.account().email();
		String accountId = someone.account().id().toString();
		MockHttpSession runner = AccountsTestUtils.logIn(this.mvc, someone.account());
		String withdrawn = "http://localhost:8080/events/" + someone.event().slug() + "/photos/"
				+ someone.photos().get(1);
		this.mvc
			.perform(post("/account/privacy").session(runner)
				.with(csrf())
				.param("type", "ERASURE")
				.param("details", "Je suis " + someone.name() + ", effacez tout.")
				.param("links", withdrawn))
			.andExpect(status().is3xxRedirection());
		PrivacyRequest request = this.requests.ofAccount(someone.account().id()).get(0);
		assertThat(tablesHolding(email, someone.name(), accountId)).contains("account", "shop_order", "favourite",
				"photo_alert", "start_list_entry", "runner_cart", "outbox_mail", "audit_log", "privacy_request",
				"consent");

		TestAccount adminAccount = this.accounts.anAccount(Role.ADMIN);
		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, adminAccount);
		this.mvc.perform(post("/admin/privacy/" + request.id() + "/erase").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());

		// Nothing of them is left but who their invoice was issued to.
		assertThat(tablesHolding(email, someone.name(), accountId)).containsExactly("invoice_buyer_archive");
		assertThat(this.jdbc.sql("select count(*) from invoice_buyer_archive where buyer_email = ?")
			.param(email)
			.query(Long.class)
			.single()).isOne();
		// The order is kept for the accounts, anonymised.
		assertThat(this.jdbc.sql("select count(*) from shop_order where id = ? and status = 'PAID'")
			.param(someone.order().id())
			.query(Long.class)
			.single()).isOne();
		// The withdrawn photo is gone from the gallery, its photographer and the
		// organizer were told (without the person's name or address).
		this.mvc.perform(get("/events/" + someone.event().slug() + "/photos/" + someone.photos().get(1)))
			.andExpect(status().isNotFound());
		assertThat(this.accounts.mailsTo(someone.photographer().email()))
			.anySatisfy((mail) -> assertThat(mail.subject()).startsWith("Photo retirée"))
			.anySatisfy((mail) -> assertThat(mail.subject()).startsWith("Inscription anonymisée"));
		// Their session ended with the account.
		this.mvc.perform(get("/account/privacy").session(runner)).andExpect(status().is3xxRedirection());

		PrivacyRequest done = this.register.get(request.id());
		assertThat(done.status()).isEqualTo(RequestStatus.DONE);
		assertThat(done.email()).isNull();
		assertThat(done.operatorEmail()).isEqualTo(adminAccount.email());
		Map<String, Long> rows = new LinkedHashMap<>();
		for (RequestStep step : this.register.steps(request.id())) {
			rows.merge(step.part() + ": " + step.action(), step.rows(), Long::sum);
		}
		assertThat(rows).containsEntry("gallery: photos withdrawn, photographers told", 1L)
			.containsEntry("gallery: favourites deleted", 1L)
			.containsEntry("gallery: photo alerts deleted", 1L)
			.containsEntry("recognition: face templates on linked photos deleted", 2L)
			.containsEntry("events: start-list entries anonymised", 1L)
			.containsEntry("shop: orders anonymised", 1L)
			.containsEntry("shop: invoice buyers archived (10 years)", 1L)
			.containsEntry("shop: carts deleted", 1L)
			.containsEntry("notice: requester told", 1L)
			.containsEntry("accounts: account ended, its sessions with it", 1L);
		this.mvc.perform(get("/admin/privacy/" + request.id()).session(admin))
			.andExpect(content().string(containsString("data-part=\"shop\"")));
		// Running it again does nothing more.
		assertThat(new PrivacyErasuresProbe(this.jdbc).steps(request.id()))
			.isEqualTo(this.register.steps(request.id()).size());
	}

	@Test
	void aGuestSeenInAPhotoHasItWithdrawnFromTheGalleryAndTheShop() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Retrait");
		List<UUID> photos = List
			.copyOf(this.shop.publish(event, photographer, ShopTestUtils.runners(null, 2)).keySet());
		String page = "/events/" + event.slug() + "/photos/" + photos.get(0);
		this.mvc.perform(get(page)).andExpect(status().isOk());
		String guest = AccountsTestUtils.uniqueEmail("seen");
		this.mvc
			.perform(post("/privacy/request").with(csrf())
				.param("email", guest)
				.param("type", "PHOTO_WITHDRAWAL")
				.param("links", "https://focusracer.com" + page))
			.andExpect(status().isOk());
		this.mvc.perform(get(this.accounts.linkInLatestMail(guest, "Confirmez"))).andExpect(status().isOk());
		PrivacyRequest request = this.register.list(RequestStatus.RECEIVED, 1000)
			.stream()
			.filter((r) -> guest.equals(r.email()))
			.findFirst()
			.orElseThrow();
		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));
		this.mvc.perform(get("/admin/privacy/" + request.id()).session(admin))
			.andExpect(content().string(containsString("id=\"privacy-photo-links\"")))
			.andExpect(content().string(containsString("id=\"privacy-erase\"")));
		this.mvc.perform(post("/admin/privacy/" + request.id() + "/erase").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get(page)).andExpect(status().isNotFound());
		this.mvc.perform(get("/events/" + event.slug() + "/photos/" + photos.get(1))).andExpect(status().isOk());
		assertThatExceptionOfType(com.focusracer.shared.UserMistakeException.class).isThrownBy(() -> this.orders.place(
				new Orders.Cart(event.slug(), List.of(photos.get(0)), guest, null, false, null), null, Locale.FRENCH));
		assertThat(this.accounts.mailsTo(photographer.email()))
			.anySatisfy((mail) -> assertThat(mail.subject()).startsWith("Photo retirée"));
		assertThat(this.accounts.mailsTo(guest)).anySatisfy((mail) -> assertThat(mail.subject()).endsWith("traitée"));
		assertThat(this.register.get(request.id()).status()).isEqualTo(RequestStatus.DONE);
	}

	/** Counts steps straight from the table. */
	record PrivacyErasuresProbe(JdbcClient jdbc) {

		long steps(UUID request) {
			return this.jdbc.sql("select count(*) from privacy_request_step where request_id = ?")
				.param(request)
				.query(Long.class)
				.single();
		}

	}

	/**
	 * Every table of the schema that holds one of the texts anywhere in a row.
	 */
	List<String> tablesHolding(String... needles) {
		List<String> tables = this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
			.query(String.class)
			.list();
		assertThat(tables).contains("account", "invoice", "outbox_mail", "face", "event_publication");
		List<String> holding = new java.util.ArrayList<>();
		for (String table : tables) {
			for (String needle : needles) {
				long count = this.jdbc
					.sql("select count(*) from \"" + table + "\" t where strpos(lower(t::text), lower(?)) > 0")
					.param(needle)
					.query(Long.class)
					.single();
				if (count > 0) {
					holding.add(table);
					break;
				}
			}
		}
		return holding;
	}

	Someone aRunnerWithEverything() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.shop.anEventOnSale(photographer, "Données");
		List<UUID> photos = List
			.copyOf(this.shop.publish(event, photographer, ShopTestUtils.runners(null, 2)).keySet());
		String name = "Zéphyrine Quillebeuf-" + UUID.randomUUID().toString().substring(0, 6);
		String email = AccountsTestUtils.uniqueEmail("erase");
		this.accountManagement.createDemoAccount(email, name, AccountsTestUtils.PASSWORD, Role.RUNNER, null);
		TestAccount runner = new TestAccount(this.accountManagement.findByEmail(email).orElseThrow().id(), email,
				AccountsTestUtils.PASSWORD, Role.RUNNER);
		String[] names = name.split(" ");
		this.startLists.save(event.id(), photographer.id(),
				new Runner("4242", names[0], names[1], email, "SEH", "AC Lyon", "F", 1990));
		// The pipeline read their bib on both photos and found two faces on the first.
		for (UUID photo : photos) {
			this.jdbc.sql(
					"insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, '4242', 'OCR', 0.95)")
				.params(photo, event.id())
				.update();
		}
		for (int i = 0; i < 2; i++) {
			this.jdbc
				.sql("""
						insert into face (id, photo_id, event_id, box_x, box_y, box_w, box_h, score, quality, embedding, created_at)
						values (?, ?, ?, 0.1, 0.1, 0.2, 0.2, 0.9, 0.8, '{0.1,0.2}', ?)""")
				.params(UUID.randomUUID(), photos.get(0), event.id(), Timestamp.from(Instant.now()))
				.update();
		}
		Orders.Placed placed = this.orders.place(
				new Orders.Cart(event.slug(), List.of(photos.get(0)), email, "4242", false, null), runner.id(),
				Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		this.mvc
			.perform(post("/favourites/" + photos.get(1)).param("on", "true")
				.with(csrf())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.principal(runner))))
			.andExpect(status().isOk());
		this.jdbc.sql("insert into runner_cart (account_id, items, updated_at) values (?, ?, now())")
			.params(runner.id(), "[\"" + photos.get(1) + "\"]")
			.update();
		this.mvc
			.perform(
					post("/events/" + event.slug() + "/alerts").param("bib", "4242").param("email", email).with(csrf()))
			.andExpect(status().is3xxRedirection());
		// Confirmed: a consent record holds the address too.
		this.mvc.perform(get(this.accounts.linkInLatestMail(email, "alerte photos"))).andExpect(status().isOk());
		return new Someone(runner, name, event, photos, this.orders.get(placed.order().id()).orElseThrow(),
				photographer);
	}

	static Map<String, String> unzip(byte[] zip) throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}

package com.focusracer.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.gallery.PhotoNumber;
import com.focusracer.mail.OutboxMail;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.shared.LegalProperties;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The PDF of a paid order is a French invoice: the seller's identity, a number from a
 * gap-free sequence taken only by payments, the pack as one line, photos by number, VAT
 * worked out from the prices with VAT; refunds get credit notes from the same sequence;
 * the order e-mail lists the photos the same way.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InvoicesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	Invoices invoices;

	@Autowired
	Refunds refunds;

	@Autowired
	PhotoManagement photos;

	@Autowired
	LegalProperties legal;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void thePdfNamesTheSellerTheInvoiceNumberThePackAsOneLineThePhotosByNumberAndTheVat() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Facture");
		List<UUID> ids = List.copyOf(this.shop.publish(event, photographer, ShopTestUtils.runners(null, 4)).keySet());
		String buyer = AccountsTestUtils.uniqueEmail("facture");
		// A pack of 3 (12 €) and a single photo (5 €): 17 €.
		Orders.Placed placed = place(event, ids, buyer, Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		Invoice invoice = this.invoices.invoiceOf(placed.order().id()).orElseThrow();
		assertThat(invoice.number()).matches("FR-\\d{4}-\\d{6}");

		MockHttpServletResponse response = receipt(placed, "fr");
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("facture-" + invoice.number() + ".pdf");
		String pdf = text(response.getContentAsByteArray());
		assertThat(pdf).contains("Facture n° " + invoice.number())
			.contains(this.legal.companyName())
			.contains(this.legal.address())
			.contains("SIRET 912 345 678 00017")
			.contains("N° de TVA intracommunautaire : FR 40 912345678")
			.contains("Client : " + buyer)
			.contains("Commande : " + placed.order().shortId())
			.contains(event.name());
		assertThat(occurrences(pdf, "Pack de 3 photos")).as("the pack is one line").isEqualTo(1);
		assertThat(occurrences(pdf, "Photo à l'unité")).isEqualTo(1);
		assertThat(pdf)
			.contains("Photos n° " + PhotoNumber.of(ids.get(0)) + ", " + PhotoNumber.of(ids.get(1)) + ", "
					+ PhotoNumber.of(ids.get(2)))
			.contains("Photo n° " + PhotoNumber.of(ids.get(3)));
		for (UUID id : ids) {
			String fileName = this.photos.get(id).orElseThrow().fileName();
			assertThat(pdf).as("no upload file name").doesNotContain(fileName.replaceAll("\\.jpg$", ""));
		}
		// 17 € with VAT at 20 %: 2.83 € of VAT, 14.17 € before it.
		assertThat(pdf).containsPattern("Total HT\\s*14,17 €")
			.containsPattern("TVA 20 %\\s*2,83 €")
			.containsPattern("Total TTC\\s*17,00 €");
		assertThat(pdf).contains("Facture acquittée le").doesNotContain("Avoir");

		String english = text(receipt(placed, "en").getContentAsByteArray());
		assertThat(english).contains("Invoice no. " + invoice.number())
			.contains("Pack of 3 photos, original")
			.containsPattern("Total excl. VAT\\s*€14.17")
			.containsPattern("VAT 20 %\\s*€2.83")
			.containsPattern("Total incl. VAT\\s*€17.00");
	}

	@Test
	void paidOrdersGetConsecutiveNumbersAndAnOrderThatIsNotPaidTakesNone() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Numéros");
		UUID photo = this.shop.publish(event, photographer, ShopTestUtils.runners(null, 1)).keySet().iterator().next();

		Orders.Placed first = place(event, List.of(photo), AccountsTestUtils.uniqueEmail("un"), Locale.FRENCH);
		this.orders.testPayment(first.order(), true);
		long number = sequence(first);

		// A refused payment, an order never paid, a payment whose transaction rolled
		// back: none takes a number.
		Orders.Placed failed = place(event, List.of(photo), AccountsTestUtils.uniqueEmail("refus"), Locale.FRENCH);
		this.orders.testPayment(failed.order(), false);
		Orders.Placed pending = place(event, List.of(photo), AccountsTestUtils.uniqueEmail("attente"), Locale.FRENCH);
		Orders.Placed rolledBack = place(event, List.of(photo), AccountsTestUtils.uniqueEmail("annule"), Locale.FRENCH);
		this.transactions.executeWithoutResult((status) -> {
			this.orders.testPayment(rolledBack.order(), true);
			assertThat(this.invoices.invoiceOf(rolledBack.order().id())).isPresent();
			status.setRollbackOnly();
		});
		for (Orders.Placed unpaid : List.of(failed, pending, rolledBack)) {
			assertThat(this.invoices.invoiceOf(unpaid.order().id())).isEmpty();
			assertThat(this.orders.get(unpaid.order().id()).orElseThrow().paidAt()).isNull();
		}

		Orders.Placed second = place(event, List.of(photo), AccountsTestUtils.uniqueEmail("deux"), Locale.FRENCH);
		this.orders.testPayment(second.order(), true);
		assertThat(sequence(second)).isEqualTo(number + 1);
		// A payment reported twice keeps its one invoice.
		this.orders.testPayment(this.orders.get(second.order().id()).orElseThrow(), true);
		assertThat(sequence(second)).isEqualTo(number + 1);
		this.orders.testPayment(this.orders.get(rolledBack.order().id()).orElseThrow(), true);
		assertThat(sequence(rolledBack)).isEqualTo(number + 2);
	}

	@Test
	void paymentsAtTheSameTimeQueueUpForTheirNumbersAndGetEachADifferentOneWithNoGap() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Ensemble");
		UUID photo = this.shop.publish(event, photographer, ShopTestUtils.runners(null, 1)).keySet().iterator().next();
		Orders.Placed before = place(event, List.of(photo), AccountsTestUtils.uniqueEmail("avant"), Locale.FRENCH);
		this.orders.testPayment(before.order(), true);
		long number = sequence(before);
		List<Orders.Placed> placed = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			placed.add(place(event, List.of(photo), AccountsTestUtils.uniqueEmail("ensemble"), Locale.FRENCH));
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<?>> payments = new ArrayList<>();
			for (Orders.Placed order : placed) {
				payments.add(pool.submit(() -> this.orders.testPayment(order.order(), true)));
			}
			for (java.util.concurrent.Future<?> payment : payments) {
				payment.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(placed.stream().map(this::sequence).toList()).containsExactlyInAnyOrder(number + 1, number + 2,
				number + 3, number + 4);
	}

	@Test
	void aRefundGetsACreditNoteFromTheSameSequenceAndTheInvoiceAndOrderPageRecordIt() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		Event event = this.shop.anEventOnSale(photographer, "Avoir");
		List<UUID> ids = List.copyOf(this.shop.publish(event, photographer, ShopTestUtils.runners(null, 3)).keySet());
		Orders.Placed placed = place(event, ids, AccountsTestUtils.uniqueEmail("avoir"), Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		Invoice invoice = this.invoices.invoiceOf(placed.order().id()).orElseThrow();

		this.refunds.refund(placed.order().id(), 200L, admin.id(), admin.email());
		Invoice note = this.invoices.creditNotesOf(placed.order().id()).get(0);
		assertThat(note.corrects()).isEqualTo(invoice.number());
		assertThat(number(note.number())).isEqualTo(number(invoice.number()) + 1);
		assertThat(note.amount()).isEqualTo(200);
		assertThat(note.vatAmount()).isEqualTo(33);

		MockHttpServletResponse response = receipt(placed, "fr");
		PdfReader reader = new PdfReader(response.getContentAsByteArray());
		assertThat(reader.getNumberOfPages()).as("the invoice, then the credit note").isEqualTo(2);
		String first = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(first).contains("Facture n° " + invoice.number())
			.containsPattern("Total TTC\\s*12,00 €")
			.contains("2,00 € (avoir n° " + note.number() + ")");
		String second = new PdfTextExtractor(reader).getTextFromPage(2);
		assertThat(second).contains("Avoir n° " + note.number())
			.contains("Avoir sur la facture n° " + invoice.number())
			.contains("SIRET 912 345 678 00017")
			.containsPattern("Total HT\\s*1,67 €")
			.containsPattern("TVA 20 %\\s*0,33 €")
			.containsPattern("Total TTC\\s*2,00 €");

		String page = this.mvc.perform(get("/orders/" + placed.order().id()).param("key", placed.key()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Facture " + invoice.number() + " (PDF)")
			.contains("Avoir n° " + note.number() + " : 2,00 € remboursés.");
	}

	@Test
	void theOrderEmailListsThePackAsOneLineAndEachPhotoByItsNumber() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Courriel");
		List<UUID> ids = List.copyOf(this.shop.publish(event, photographer, ShopTestUtils.runners(null, 4)).keySet());
		String buyer = AccountsTestUtils.uniqueEmail("courriel");
		Orders.Placed placed = place(event, ids, buyer, Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		String number = this.invoices.invoiceOf(placed.order().id()).orElseThrow().number();

		List<OutboxMail> mails = this.accounts.mailsTo(buyer);
		assertThat(mails).hasSize(1);
		String body = mails.get(0).body();
		assertThat(body)
			.contains("- Pack de 3 photos, original : 12,00 €\n  Photos n° " + PhotoNumber.of(ids.get(0)) + ", "
					+ PhotoNumber.of(ids.get(1)) + ", " + PhotoNumber.of(ids.get(2)))
			.contains("- Photo à l'unité, original : 5,00 €\n  Photo n° " + PhotoNumber.of(ids.get(3)))
			.contains("Votre facture n° " + number);
		for (UUID id : ids) {
			assertThat(body).contains("- Photo n° " + PhotoNumber.of(id) + " : http");
			assertThat(body).doesNotContain(this.photos.get(id).orElseThrow().fileName());
		}

		String english = AccountsTestUtils.uniqueEmail("mail-en");
		this.orders.testPayment(place(event, ids.subList(0, 3), english, Locale.ENGLISH).order(), true);
		assertThat(this.accounts.mailsTo(english).get(0).body()).contains("- Pack of 3 photos, original: €12.00")
			.contains("- Photo no. " + PhotoNumber.of(ids.get(0)) + ": http")
			.containsPattern("Your invoice no\\. FR-\\d{4}-\\d{6} can be downloaded from your order's page\\.");
	}

	private Orders.Placed place(Event event, List<UUID> photos, String email, Locale locale) {
		return this.orders.place(new Orders.Cart(event.slug(), photos, email, null, false, null), null, locale);
	}

	private MockHttpServletResponse receipt(Orders.Placed placed, String language) throws Exception {
		MvcResult result = this.mvc
			.perform(get("/orders/" + placed.order().id() + "/receipt.pdf").param("key", placed.key())
				.param("lang", language))
			.andReturn();
		// The PDF is streamed: written once the request's async part runs.
		return this.mvc.perform(asyncDispatch(result)).andReturn().getResponse();
	}

	private long sequence(Orders.Placed placed) {
		return number(this.invoices.invoiceOf(placed.order().id()).orElseThrow().number());
	}

	private static long number(String invoiceNumber) {
		return Long.parseLong(invoiceNumber.substring(invoiceNumber.lastIndexOf('-') + 1));
	}

	private static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		List<String> pages = new ArrayList<>();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			pages.add(new PdfTextExtractor(reader).getTextFromPage(page));
		}
		return String.join("\n", pages);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}

package com.focusracer.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.shared.UserMistakeException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A buyer's bank disputes a payment: the order's downloads stop, with a page that says
 * why, until the dispute is won. The dispute arrives as Stripe's {@code charge.dispute.*}
 * events are read ({@link StripeWebhookTests} reads the payloads).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DisputesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	Payments payments;

	@Autowired
	Downloads downloads;

	@Autowired
	Refunds refunds;

	@Test
	void aDisputeStopsTheDownloadsWithAPageInTheReadersLanguageUntilItIsWon() throws Exception {
		Order order = aPaidOrder();
		String zip = this.downloads.links(order).zipPath();
		String photo = this.downloads.links(order).photos().get(0).path();
		assertThat(download(zip, "fr").getStatus()).isEqualTo(200);

		String dispute = "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		assertThat(this.payments.apply(dispute(PaymentUpdate.DISPUTED, order, dispute, "needs_response")))
			.isEqualTo(Payments.Outcome.APPLIED);
		Order disputed = this.orders.get(order.id()).orElseThrow();
		assertThat(disputed.disputed()).isTrue();
		assertThat(disputed.downloadable()).isFalse();

		MockHttpServletResponse french = download(zip, "fr");
		assertThat(french.getStatus()).isEqualTo(403);
		assertThat(french.getContentAsString()).contains("data-reason=\"DISPUTED\"")
			.contains("La banque du payeur conteste le paiement de cette commande")
			.contains("support@focusracer.com");
		MockHttpServletResponse english = download(photo, "en");
		assertThat(english.getStatus()).isEqualTo(403);
		assertThat(english.getContentAsString()).contains("data-reason=\"DISPUTED\"")
			.contains("The payer's bank disputes the payment of this order");
		// The order page says so and offers no links; they are not renewed either.
		String page = this.mvc.perform(get("/orders/" + order.id()).param("key", this.downloads.orderKey(order.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"order-disputed\"").doesNotContain("id=\"download-zip\"");
		assertThat(this.downloads.links(disputed).photos()).isEmpty();
		assertThatThrownBy(() -> this.orders.renewLinks(disputed, true)).isInstanceOf(UserMistakeException.class)
			.hasMessageContaining("shop.links.disputed");
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		assertThatThrownBy(() -> this.refunds.refund(order.id(), null, admin.id(), admin.email()))
			.isInstanceOf(UserMistakeException.class)
			.hasMessageContaining("shop.refund.disputed");

		// The bank decides for the seller: downloads work again.
		this.payments.apply(dispute(PaymentUpdate.DISPUTE_CLOSED, order, dispute, "won"));
		assertThat(this.orders.get(order.id()).orElseThrow().disputed()).isFalse();
		assertThat(download(zip, "fr").getStatus()).isEqualTo(200);
	}

	private Order aPaidOrder() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Course contestée");
		List<UUID> ids = new ArrayList<>(
				this.shop.publish(event, photographer, ShopTestUtils.runners(null, 2)).keySet());
		Order order = this.orders
			.place(new Orders.Cart(event.slug(), ids, AccountsTestUtils.uniqueEmail("dispute"), null, false,
					Resolution.ORIGINAL), null, Locale.FRENCH)
			.order();
		assertThat(this.orders.testPayment(order, true)).isEqualTo(Payments.Outcome.APPLIED);
		return this.orders.get(order.id()).orElseThrow();
	}

	/**
	 * A dispute event as {@link Payments#readStripeWebhook} reads it.
	 */
	static PaymentUpdate dispute(String type, Order order, String disputeId, String status) {
		return new PaymentUpdate("evt_" + UUID.randomUUID(), "stripe", type, order.paymentId(), null,
				"ch_" + order.id(), null, null, null, disputeId, order.amount(), "fraudulent", status, "{}");
	}

	private MockHttpServletResponse download(String path, String language) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(new Cookie("focusracer-lang", language))).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			return this.mvc.perform(MockMvcRequestBuilders.asyncDispatch(result)).andReturn().getResponse();
		}
		return result.getResponse();
	}

}

package com.focusracer.marketplace;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.EventTeams;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.shop.AgreedFees;
import com.focusracer.shop.Money;
import com.focusracer.shop.Order;
import com.focusracer.shop.Orders;
import com.focusracer.shop.Resolution;
import com.focusracer.shop.ShopProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organizer publishes a listing of two positions; two photographers apply; the
 * organizer accepts one and declines the other, both told by e-mail; the accepted one
 * joins the team, uploads, and their sales carry the agreed share; the fixed fee shows as
 * owed in both statements. Nobody acts on another's listing or application.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MarketplaceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	MarketplaceTestUtils marketplace;

	@Autowired
	PhotosTestUtils photos;

	@Autowired
	Listings listings;

	@Autowired
	Applications applications;

	@Autowired
	EventManagement events;

	@Autowired
	EventTeams teams;

	@Autowired
	AgreedFees fees;

	@Autowired
	Orders orders;

	@Autowired
	ShopProperties shop;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishApplyAcceptDeclineThenTheAcceptedOneUploadsAndSellsOnTheAgreedShare() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount anna = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount bruno = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.marketplace.aRaceIn(organizer, 3);

		this.mvc.perform(get("/pro/events/" + event.id() + "/listing").with(user(this.accounts.principal(organizer))))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/pro/marketplace/listings").with(user(this.accounts.principal(organizer)))
				.with(csrf())
				.param("event", event.id().toString())
				.param("title", "Deux photographes pour le trail")
				.param("fee", "150")
				.param("share", "50")
				.param("applyUntil", event.date().toString())
				.param("role", "Arrivée", "Mi-parcours", "")
				.param("spot", "Ligne d'arrivée", "Col", "")
				.param("km", "42,2", "21.1", "")
				.param("wanted", "1", "1", "1"))
			.andExpect(status().is3xxRedirection());
		Listing listing = this.listings.ofEvent(event.id(), organizer.id()).orElseThrow();
		assertThat(listing.positions()).extracting(Position::role).containsExactly("Arrivée", "Mi-parcours");
		assertThat(listing.fee()).isEqualTo(15000L);
		assertThat(this.listings.search(new ListingSearch(event.date(), event.date(), "annecy", "TRAIL", "share")))
			.extracting(Listing::id)
			.contains(listing.id());
		assertThat(this.listings.search(new ListingSearch(event.date().plusDays(1), null, null, null, null)))
			.extracting(Listing::id)
			.doesNotContain(listing.id());
		assertThat(this.listings.search(new ListingSearch(null, null, "Brest", null, null))).extracting(Listing::id)
			.doesNotContain(listing.id());
		assertThat(this.mvc.perform(get("/marketplace").param("region", "Annecy").param("terms", "fee"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("/marketplace/" + listing.slug());
		assertThat(this.mvc.perform(get("/api/v1/marketplace/listings").param("region", "Annecy"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"slug\":\"" + listing.slug() + "\"", "\"spotKm\":21.1");
		String page = this.mvc.perform(get("/marketplace/" + listing.slug()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Deux photographes pour le trail", "Col · km 21.1",
				"Connectez-vous avec un compte pro");

		UUID finish = listing.positions().get(0).id();
		UUID halfway = listing.positions().get(1).id();
		apply(anna, finish);
		apply(bruno, halfway);
		assertThat(this.accounts.mailsTo(organizer.email())).extracting((mail) -> mail.subject())
			.filteredOn((subject) -> subject.startsWith("Nouvelle candidature"))
			.hasSize(2);
		List<Application> received = this.applications.ofListing(listing.id(), organizer.id());
		Application annas = received.stream().filter((a) -> a.photographerId().equals(anna.id())).findFirst().get();
		Application brunos = received.stream().filter((a) -> a.photographerId().equals(bruno.id())).findFirst().get();
		assertThat(annas.spotKm()).isEqualByComparingTo("42.2");

		decide(organizer, annas.id(), "accept");
		decide(organizer, brunos.id(), "decline");
		assertThat(this.applications.find(annas.id(), anna.id()).orElseThrow().status())
			.isEqualTo(Application.Status.ACCEPTED);
		assertThat(this.applications.find(brunos.id(), bruno.id()).orElseThrow().status())
			.isEqualTo(Application.Status.DECLINED);
		assertThat(this.accounts.mailsTo(anna.email())).extracting((mail) -> mail.subject())
			.anyMatch((subject) -> subject.startsWith("Vous êtes retenu"));
		assertThat(this.accounts.mailsTo(bruno.email())).extracting((mail) -> mail.subject())
			.anyMatch((subject) -> subject.startsWith("Réponse à votre candidature"));
		assertThat(this.teams.teamShare(event.id(), anna.id())).contains(MarketplaceTestUtils.SHARE);
		assertThat(this.teams.teamNote(event.id(), anna.id())).contains("Ligne d'arrivée · km 42.2");
		assertThat(this.events.find(event.id(), bruno.id())).as("the declined one is not in the team").isEmpty();
		this.mvc.perform(get("/marketplace/" + listing.slug()).with(user(this.accounts.principal(bruno))))
			.andExpect(status().isOk());
		assertThat(this.listings.find(listing.id()).orElseThrow().positions().get(0).filled()).isTrue();

		// Anna uploads; a runner buys one of her photos: her share is the agreed one.
		UUID photo = this.photos.publish(event.id(), anna.id(), Photos.aFinishLineScene(1200, 800)).get(0);
		assertThatExceptionOfType(EventNotFoundException.class).as("the declined photographer may not upload")
			.isThrownBy(() -> this.photos.publish(event.id(), bruno.id(), Photos.aFinishLineScene(1200, 800)));
		Orders.Placed placed = this.orders.place(new Orders.Cart(event.slug(), List.of(photo),
				AccountsTestUtils.uniqueEmail("buyer"), null, false, Resolution.ORIGINAL), null, Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		Order paid = this.orders.get(placed.order().id()).orElseThrow();
		long net = paid.amount() - Money.percent(paid.amount(), this.shop.platformFeePercent());
		assertThat(share(paid, "PHOTOGRAPHER")).isEqualTo(Money.percent(net, MarketplaceTestUtils.SHARE));
		assertThat(share(paid, "ORGANIZER")).isEqualTo(net - Money.percent(net, MarketplaceTestUtils.SHARE));

		// The fixed fee is owed by the organizer, shown in both statements, marked paid
		// by
		// hand.
		assertThat(this.fees.of(organizer.id())).singleElement().satisfies((fee) -> {
			assertThat(fee.amount()).isEqualTo(15000L);
			assertThat(fee.photographerId()).isEqualTo(anna.id());
			assertThat(fee.owed()).isTrue();
		});
		assertThat(this.mvc.perform(get("/pro/payouts").with(user(this.accounts.principal(anna))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"agreed-fees\"", "On vous doit");
		UUID fee = this.fees.of(organizer.id()).get(0).id();
		this.mvc
			.perform(post("/pro/payouts/fees/paid").with(user(this.accounts.principal(anna)))
				.with(csrf())
				.param("fee", fee.toString()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/pro/payouts/fees/paid").with(user(this.accounts.principal(organizer)))
				.with(csrf())
				.param("fee", fee.toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.fees.of(anna.id()).get(0).status()).isEqualTo("PAID");
	}

	@Test
	void anotherOrganizerCannotDecideOnMyListingNorAPhotographerWithdrawAnothersApplication() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount other = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount anna = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount bruno = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.marketplace.aRaceIn(organizer, 5);
		Listing listing = this.marketplace.aListing(organizer, event);
		Application annas = this.applications.apply(anna.id(), listing.positions().get(0).id(), "Bonjour", null, true);

		decide(other, annas.id(), "accept", 404);
		this.mvc
			.perform(post("/api/v1/marketplace/decisions").with(user(this.accounts.principal(other)))
				.contentType("application/json")
				.content("{\"applicationId\":\"" + annas.id() + "\",\"decision\":\"ACCEPTED\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/pro/marketplace/withdrawals").with(user(this.accounts.principal(bruno)))
				.with(csrf())
				.param("application", annas.id().toString())
				.param("reason", "Not mine"))
			.andExpect(status().isNotFound());
		assertThat(this.applications.find(annas.id(), anna.id()).orElseThrow().status())
			.isEqualTo(Application.Status.APPLIED);
		assertThat(this.events.find(event.id(), anna.id())).isEmpty();
		assertThatExceptionOfType(EventNotFoundException.class).as("publishing on another's event")
			.isThrownBy(() -> this.listings.publish(other.id(), MarketplaceTestUtils.draft(event)));

		// Her own withdrawal, with a reason, before the event: the organizer is told.
		decide(organizer, annas.id(), "accept");
		assertThat(this.events.find(event.id(), anna.id())).isPresent();
		this.mvc
			.perform(post("/pro/marketplace/withdrawals").with(user(this.accounts.principal(anna)))
				.with(csrf())
				.param("application", annas.id().toString())
				.param("reason", "Blessée"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.applications.find(annas.id(), anna.id()).orElseThrow().status())
			.isEqualTo(Application.Status.WITHDRAWN);
		assertThat(this.events.find(event.id(), anna.id())).as("she left the team").isEmpty();
		assertThat(this.fees.of(organizer.id())).as("the fee is no longer owed").isEmpty();
		assertThat(this.accounts.mailsTo(organizer.email())).extracting((mail) -> mail.subject())
			.anyMatch((subject) -> subject.startsWith("Candidature retirée"));
	}

	@Test
	void onePositionPerEventTermsMustBeAcceptedAndAFilledPositionTakesNoMore() {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount anna = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount bruno = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.marketplace.aRaceIn(organizer, 5);
		Listing listing = this.marketplace.aListing(organizer, event);
		UUID finish = listing.positions().get(0).id();
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.applications.apply(anna.id(), finish, "Bonjour", null, false))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.apply.acceptTerms"));
		Application annas = this.applications.apply(anna.id(), finish, "Bonjour", null, true);
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.applications.apply(anna.id(), listing.positions().get(1).id(), "Aussi", null, true))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.apply.already"));
		Application brunos = this.applications.apply(bruno.id(), finish, "Moi aussi", null, true);
		this.applications.decide(organizer.id(), annas.id(), Application.Status.ACCEPTED);
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.applications.decide(organizer.id(), brunos.id(), Application.Status.ACCEPTED))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.decide.filled"));
	}

	private void apply(TestAccount photographer, UUID position) throws Exception {
		this.mvc
			.perform(post("/pro/marketplace/applications").with(user(this.accounts.principal(photographer)))
				.with(csrf())
				.param("position", position.toString())
				.param("message", "Photographe de trail depuis 10 ans.")
				.param("portfolioUrl", "https://example.org/portfolio")
				.param("terms", "on"))
			.andExpect(status().is3xxRedirection());
	}

	private void decide(TestAccount organizer, UUID application, String decision) throws Exception {
		decide(organizer, application, decision, 302);
	}

	private void decide(TestAccount organizer, UUID application, String decision, int expected) throws Exception {
		this.mvc
			.perform(post("/pro/marketplace/decisions").with(user(this.accounts.principal(organizer)))
				.with(csrf())
				.param("application", application.toString())
				.param("decision", decision))
			.andExpect(status().is(expected));
	}

	private long share(Order order, String role) {
		return this.jdbc.sql("select amount from sale_share where order_id = ? and role = ?")
			.params(order.id(), role)
			.query(Long.class)
			.single();
	}

}

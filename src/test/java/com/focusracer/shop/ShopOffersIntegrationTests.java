package com.focusracer.shop;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.gallery.PhotoNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Prices before the cart: the event page says what is sold and at what price, a bib's
 * results give the best price for all of the runner's photos, the viewer the photo's
 * price, and the cart the web version's price next to its choice — in French and English.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShopOffersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	PriceLists prices;

	@Test
	void theEventPageSaysWhatIsSoldAndAtWhatPrice() throws Exception {
		TestAccount organizer = this.accounts.aPro(com.focusracer.accounts.ProProfile.ORGANIZER);
		Event event = this.shop.anEventOnSale(organizer, "Prix affichés");
		this.prices.save(event.id(), organizer.id(), organizer.email(),
				new PriceLists.Form("5", List.of("3", "10"), List.of("12", "30"), "25", "3", "40", false, false, 0));

		String french = page("/events/" + event.slug(), "fr");
		assertThat(french).contains("id=\"offer\"")
			.contains("<dt>Une photo</dt><dd id=\"offer-single\">5,00 €</dd>")
			.contains("<dt>Pack de 3 photos</dt><dd class=\"offer-pack\" data-photos=\"3\">12,00 €</dd>")
			.contains("<dt>Pack de 10 photos</dt><dd class=\"offer-pack\" data-photos=\"10\">30,00 €</dd>")
			.contains("<dd id=\"offer-all\">25,00 €</dd>")
			.contains("<dt>Une photo en version web 1600 px</dt><dd id=\"offer-web\">3,00 €</dd>")
			.contains("vous ne payez jamais plus de 40,00 € pour cet événement");
		String english = page("/events/" + event.slug(), "en");
		assertThat(english).contains("<dt>One photo</dt><dd id=\"offer-single\">€5.00</dd>")
			.contains("<dt>Pack of 10 photos</dt>")
			.contains("<dd id=\"offer-all\">€25.00</dd>")
			.contains("you never pay more than €40.00 for this event");

		// Free photos: said so, no price.
		this.prices.save(event.id(), organizer.id(), organizer.email(),
				new PriceLists.Form("", List.of(), List.of(), "", "", "", true, false, 0));
		assertThat(page("/events/" + event.slug(), "fr")).contains("id=\"offer-free\"")
			.contains("Photos offertes par l'organisateur")
			.doesNotContain("id=\"offer-single\"");
		assertThat(page("/events/" + event.slug(), "en")).contains("Photos offered by the organizer");
	}

	@Test
	void aBibsResultsAndTheViewerShowTheBestPriceForAllTheRunnersPhotosAndThePhotosPrice() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Meilleure offre");
		List<UUID> photos = List
			.copyOf(this.shop.publish(event, photographer, ShopTestUtils.runners("2718", 3)).keySet());
		// Three photos: the pack of 3 (12 €) beats "all my photos" (20 €).
		String results = page("/events/" + event.slug() + "?bib=2718", "fr");
		assertThat(results).contains("id=\"runner-offer\"")
			.contains("Toutes vos 3 photos : 12,00 € <span class=\"muted\">au lieu de 15,00 €</span>");
		assertThat(page("/events/" + event.slug() + "?bib=2718", "en"))
			.contains("All your 3 photos: €12.00 <span class=\"muted\">instead of €15.00</span>");

		// "All my photos" at 10 €: now the best offer.
		this.prices.save(event.id(), photographer.id(), photographer.email(),
				new PriceLists.Form("5", List.of("3"), List.of("12"), "10", "3", "", false, false, 0));
		assertThat(page("/events/" + event.slug() + "?bib=2718", "fr"))
			.contains("Toutes vos 3 photos : 10,00 € <span class=\"muted\">au lieu de 15,00 €</span>");

		String viewer = page("/events/" + event.slug() + "/photos/" + photos.get(0) + "?bib=2718", "fr");
		assertThat(viewer).contains("id=\"photo-price\"")
			.contains("Cette photo : 5,00 €")
			.contains("· version web 3,00 €")
			.contains("Toutes vos 3 photos : 10,00 €")
			.contains("Photo n° " + PhotoNumber.of(photos.get(0)));
		assertThat(page("/events/" + event.slug() + "/photos/" + photos.get(0) + "?bib=2718", "en"))
			.contains("This photo: €5.00")
			.contains("· web version €3.00")
			.contains("All your 3 photos: €10.00")
			.contains("Photo no. " + PhotoNumber.of(photos.get(0)));

		// A bib with one photo: its price, nothing to save.
		UUID alone = this.shop.publish(event, photographer, ShopTestUtils.runners("1414", 1))
			.keySet()
			.iterator()
			.next();
		assertThat(page("/events/" + event.slug() + "?bib=1414", "fr")).contains("Votre photo : 5,00 €</p>");
		assertThat(page("/events/" + event.slug() + "/photos/" + alone, "en")).contains("Your photo: €5.00</p>");
	}

	@Test
	void theCartSaysWhatTheWebVersionCostsNextToItsChoice() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Version web");
		UUID photo = this.shop.publish(event, photographer, ShopTestUtils.runners(null, 1)).keySet().iterator().next();
		assertThat(quote(event, photo, "fr")).contains("data-web-label=\"Version web 1600 px : 3,00 € la photo\"");
		assertThat(quote(event, photo, "en")).contains("data-web-label=\"Web version 1600 px: €3.00 a photo\"");
		assertThat(page("/cart", "fr")).contains("class=\"cart-web-label\"");
	}

	/**
	 * The page, its prices' no-break spaces read as spaces.
	 */
	private String page(String path, String language) throws Exception {
		return this.mvc.perform(get(path).param("lang", language))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replace('\u00a0', ' ');
	}

	private String quote(Event event, UUID photo, String language) throws Exception {
		return this.mvc
			.perform(post("/cart/quote").param("event", event.slug())
				.param("photo", photo.toString())
				.param("lang", language)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}

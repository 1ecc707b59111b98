package com.focusracer.marketplace;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A photographer's profile: a portfolio of their own published photos only (through their
 * watermarked versions), past events counted from the teams; and the rate limits on
 * publishing and applying.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProfilesAndLimitsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	MarketplaceTestUtils marketplace;

	@Autowired
	PhotographerProfiles profiles;

	@Autowired
	EventManagement events;

	@Autowired
	PhotosTestUtils photos;

	@Autowired
	RateLimits rateLimits;

	@Test
	void thePortfolioTakesOnlyTheirOwnPublishedPhotosShownWatermarked() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount anna = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount bruno = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event past = race(organizer, LocalDate.now().minusDays(10));
		this.events.addPhotographer(past.id(), organizer.id(), anna.email());
		this.events.addPhotographer(past.id(), organizer.id(), bruno.email());
		Event future = race(organizer, LocalDate.now().plusDays(10));
		this.events.addPhotographer(future.id(), organizer.id(), anna.email());
		race(anna, LocalDate.now().minusDays(20));
		UUID annas = this.photos.publish(past.id(), anna.id(), Photos.aFinishLineScene(1200, 800)).get(0);
		UUID brunos = this.photos.publish(past.id(), bruno.id(), Photos.aFinishLineScene(1000, 700)).get(0);

		this.mvc
			.perform(post("/pro/marketplace/profile").with(user(this.accounts.principal(anna)))
				.with(csrf())
				.param("name", "Anna Studio " + UUID.randomUUID().toString().substring(0, 4))
				.param("region", "Savoie")
				.param("travelKm", "200")
				.param("sports", "trail")
				.param("seekingWork", "on"))
			.andExpect(status().is3xxRedirection());
		PhotographerProfile profile = this.profiles.of(anna.id()).orElseThrow();
		assertThat(profile.seekingWork()).isTrue();
		assertThat(this.profiles.candidates(anna.id())).extracting(PhotographerProfiles.PortfolioPhoto::photoId)
			.containsExactly(annas);

		this.mvc
			.perform(post("/pro/marketplace/portfolio").with(user(this.accounts.principal(anna)))
				.with(csrf())
				.param("photo", annas.toString(), brunos.toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.profiles.portfolio(anna.id())).as("someone else's photo is refused, and nothing is kept")
			.isEmpty();
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.profiles.setPortfolio(anna.id(), List.of(brunos)))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.portfolio.notYours"));
		this.profiles.setPortfolio(anna.id(), List.of(annas));

		String page = this.mvc.perform(get("/photographers/" + profile.slug()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/events/" + past.slug() + "/photos/" + annas + "/thumb.jpg")
			.doesNotContain(brunos.toString())
			.contains("id=\"past-events\">1<");
		assertThat(this.mvc.perform(get("/events/" + past.slug() + "/photos/" + annas + "/thumb.jpg"))
			.andReturn()
			.getResponse()
			.getContentType()).isEqualTo("image/jpeg");
	}

	@Test
	void publishingAndApplyingAreRateLimited() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.AGENCY);
		TestAccount anna = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.marketplace.aRaceIn(organizer, 4);
		drain("publish:" + organizer.id());
		this.mvc
			.perform(post("/pro/marketplace/listings").with(user(this.accounts.principal(organizer)))
				.with(csrf())
				.param("event", event.id().toString())
				.param("title", "Limité")
				.param("fee", "100")
				.param("applyUntil", event.date().toString())
				.param("role", "Arrivée"))
			.andExpect(status().isTooManyRequests());

		TestAccount other = this.accounts.aPro(ProProfile.ORGANIZER);
		Listing listing = this.marketplace.aListing(other, this.marketplace.aRaceIn(other, 4));
		drain("apply:" + anna.id());
		this.mvc
			.perform(post("/pro/marketplace/applications").with(user(this.accounts.principal(anna)))
				.with(csrf())
				.param("position", listing.positions().get(0).id().toString())
				.param("message", "Bonjour")
				.param("terms", "on"))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void aPhotographerWhoDeletesTheirAccountLeavesNoProfileNorMessage(@Autowired Applications applications)
			throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount anna = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Listing listing = this.marketplace.aListing(organizer, this.marketplace.aRaceIn(organizer, 6));
		Application application = applications.apply(anna.id(), listing.positions().get(0).id(),
				"Mon numéro : 06 12 34 56 78", "https://example.org/anna", true);
		this.profiles.save(anna.id(), new PhotographerProfile(anna.id(), null, "Anna " + UUID.randomUUID(), "Savoie",
				null, null, null, null, "Anna, 34 ans", true, null));
		var session = AccountsTestUtils.logIn(this.mvc, anna);
		this.mvc
			.perform(post("/account/privacy/delete").session(session).with(csrf()).param("password", anna.password()))
			.andExpect(status().isOk());
		assertThat(this.profiles.of(anna.id())).isEmpty();
		Application kept = applications.find(application.id(), organizer.id()).orElseThrow();
		assertThat(kept.message()).isEmpty();
		assertThat(kept.portfolioUrl()).isNull();
	}

	private Event race(TestAccount owner, LocalDate date) {
		return this.events.create(owner.id(),
				new EventDraft("Course profil " + UUID.randomUUID().toString().substring(0, 6), date, "Chambéry",
						"trail", null, Visibility.PUBLIC, false, null, null, null, null));
	}

	private void drain(String subject) {
		int capacity = this.rateLimits.limit(RateLimit.MARKETPLACE).capacity();
		for (int i = 0; i < capacity; i++) {
			this.rateLimits.acquire(RateLimit.MARKETPLACE, subject);
		}
	}

}

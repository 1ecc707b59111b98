package com.focusracer.marketplace;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.marketplace.internal.ApplicationRepository;
import com.focusracer.marketplace.internal.ListingRepository;
import com.focusracer.marketplace.internal.ReviewRepository;
import com.focusracer.privacy.AuditLog;
import com.focusracer.shared.ratelimit.MutableClock;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reviews one can trust: only between an organizer and a photographer they accepted,
 * after the event; double-blind until both reviewed or the 14-day window closed; not
 * editable once shown; dated; reported reviews moderated by admins with an audit line.
 * The clock is moved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	MarketplaceTestUtils marketplace;

	@Autowired
	Applications applications;

	@Autowired
	PhotographerProfiles profiles;

	@Autowired
	ReviewRepository reviewRepository;

	@Autowired
	ApplicationRepository applicationRepository;

	@Autowired
	ListingRepository listingRepository;

	@Autowired
	EventManagement events;

	@Autowired
	AuditLog audit;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	TransactionTemplate transactions;

	private final MutableClock clock = new MutableClock(Instant.now());

	private Reviews reviews;

	private TestAccount organizer;

	private TestAccount accepted;

	private TestAccount declined;

	private Application hired;

	private Application refused;

	@BeforeEach
	void anOrganizerHiredOnePhotographerAndDeclinedAnother() {
		this.reviews = new Reviews(this.reviewRepository, this.applicationRepository, this.listingRepository,
				this.events, this.accountManagement, this.audit, this.rateLimits, this.clock);
		this.organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		this.accepted = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.declined = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.marketplace.aRaceIn(this.organizer, 2);
		Listing listing = this.marketplace.aListing(this.organizer, event);
		this.hired = this.applications.apply(this.accepted.id(), listing.positions().get(0).id(), "Bonjour", null,
				true);
		this.refused = this.applications.apply(this.declined.id(), listing.positions().get(1).id(), "Bonjour", null,
				true);
		this.applications.decide(this.organizer.id(), this.hired.id(), Application.Status.ACCEPTED);
		this.applications.decide(this.organizer.id(), this.refused.id(), Application.Status.DECLINED);
	}

	@Test
	void noReviewBeforeTheEventNorFromAPhotographerNotAccepted() {
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.reviews.write(this.accepted.id(), this.hired.id(), 5, "Super"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.review.tooEarly"));
		this.clock.advance(Duration.ofDays(3));
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.reviews.write(this.declined.id(), this.refused.id(), 1, "Pas retenu"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.review.notAccepted"));
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.reviews.write(this.organizer.id(), this.refused.id(), 1, "Non plus"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.review.notAccepted"));
		assertThatExceptionOfType(com.focusracer.events.EventNotFoundException.class).as("a stranger")
			.isThrownBy(() -> this.reviews.write(this.declined.id(), this.hired.id(), 1, "Jaloux"));
		assertThat(this.reviews.about(this.organizer.id())).isEmpty();
	}

	@Test
	void hiddenUntilBothReviewedThenShownWithTheirDatesAndNoLongerEditable() throws Exception {
		this.clock.advance(Duration.ofDays(3));
		this.reviews.write(this.accepted.id(), this.hired.id(), 4, "Organisation au top");
		assertThat(this.reviews.about(this.organizer.id())).as("double-blind: not shown before the other").isEmpty();
		this.reviews.write(this.accepted.id(), this.hired.id(), 5, "Organisation parfaite");
		this.reviews.write(this.organizer.id(), this.hired.id(), 5, "Photos superbes");
		assertThat(this.reviews.about(this.organizer.id())).singleElement().satisfies((review) -> {
			assertThat(review.stars()).isEqualTo(5);
			assertThat(review.body()).isEqualTo("Organisation parfaite");
			assertThat(review.eventDate()).isEqualTo(this.events.get(this.hired.eventId()).orElseThrow().date());
		});
		assertThat(this.reviews.average(this.accepted.id())).isEqualTo(5.0);
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.reviews.write(this.accepted.id(), this.hired.id(), 1, "Finalement non"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.review.published"));

		// Shown on the photographer's public page, with the dates and the L111-7-2 line.
		this.profiles.save(this.accepted.id(), new PhotographerProfile(this.accepted.id(), null,
				"Studio " + UUID.randomUUID(), "Savoie", 100, "trail", null, "français", null, true, null));
		String slug = this.profiles.of(this.accepted.id()).orElseThrow().slug();
		String page = this.mvc.perform(get("/photographers/" + slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Photos superbes", "Événement du", "avis du", "id=\"reviews-checked\"");
	}

	@Test
	void aLoneReviewIsShownOnceTheWindowCloses() {
		this.clock.advance(Duration.ofDays(3));
		this.reviews.write(this.organizer.id(), this.hired.id(), 3, "Correct");
		Instant closes = Reviews.windowCloses(this.events.get(this.hired.eventId()).orElseThrow().date());
		assertThat(Duration.between(this.clock.instant(), closes))
			.isGreaterThan(Duration.ofDays(Reviews.WINDOW_DAYS - 1));
		this.clock.advance(Duration.between(this.clock.instant(), closes).minusMinutes(1));
		assertThat(this.reviews.about(this.accepted.id())).isEmpty();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.reviews.about(this.accepted.id())).extracting(Review::body).containsExactly("Correct");
		assertThatExceptionOfType(MarketplaceException.class)
			.isThrownBy(() -> this.reviews.write(this.accepted.id(), this.hired.id(), 1, "Trop tard"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("marketplace.review.windowClosed"));
	}

	@Test
	void aReportedReviewIsHiddenByAnAdminWithAnAuditLine() throws Exception {
		this.clock.advance(Duration.ofDays(3));
		this.reviews.write(this.organizer.id(), this.hired.id(), 1, "Insultant");
		this.reviews.write(this.accepted.id(), this.hired.id(), 5, "Bien");
		UUID review = this.reviews.about(this.accepted.id()).get(0).id();
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		this.mvc
			.perform(post("/marketplace/reviews/" + review + "/report").with(user(this.accounts.principal(runner)))
				.with(csrf())
				.param("reason", "Insulte")
				.param("back", "https://evil.example/"))
			.andExpect(status().is3xxRedirection())
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/marketplace"));
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		String page = this.mvc.perform(get("/admin/marketplace").with(user(this.accounts.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Insultant", "Insulte");
		UUID report = (UUID) this.reviews.openReports()
			.stream()
			.filter((row) -> review.equals(row.get("review_id")))
			.findFirst()
			.orElseThrow()
			.get("id");
		this.mvc
			.perform(post("/admin/marketplace/reports/" + report).with(user(this.accounts.principal(admin)))
				.with(csrf())
				.param("decision", "hide")
				.param("reason", "Propos injurieux"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.reviews.about(this.accepted.id())).isEmpty();
		assertThat(this.audit.find(new AuditLog.Query(null, null, null, "REVIEW_HIDDEN_BY_ADMIN"), 50, 0))
			.anyMatch((entry) -> entry.detail().contains("Propos injurieux"));
	}

	@Test
	void reportingIsRateLimited() {
		this.clock.advance(Duration.ofDays(3));
		this.reviews.write(this.organizer.id(), this.hired.id(), 2, "Bof");
		this.reviews.write(this.accepted.id(), this.hired.id(), 5, "Bien");
		UUID review = this.reviews.about(this.accepted.id()).get(0).id();
		TestAccount reporter = this.accounts.aPro(ProProfile.CLUB);
		drain("report:" + reporter.id());
		assertThatExceptionOfType(com.focusracer.shared.ratelimit.RateLimitedException.class)
			.isThrownBy(() -> this.transactions
				.executeWithoutResult((status) -> this.reviews.report(reporter.id(), review, "Faux")));
	}

	/** Takes every request a bucket of the marketplace limit holds. */
	private void drain(String subject) {
		int capacity = this.rateLimits.limit(com.focusracer.shared.ratelimit.RateLimit.MARKETPLACE).capacity();
		for (int i = 0; i < capacity; i++) {
			this.rateLimits.acquire(com.focusracer.shared.ratelimit.RateLimit.MARKETPLACE, subject);
		}
	}

}

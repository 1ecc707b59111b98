package com.focusracer.marketplace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.marketplace.internal.ApplicationRepository;
import com.focusracer.marketplace.internal.ListingRepository;
import com.focusracer.marketplace.internal.ReviewRepository;
import com.focusracer.privacy.AuditLog;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews both ways between an organizer and a photographer they hired, that one can
 * trust: only once the photographer was accepted and the event took place; 1 to 5 stars
 * and a text; double-blind (shown once both sides reviewed, or when the 14-day window
 * after the event closes, whichever comes first); not editable once shown; with the dates
 * of the event and of the review. Anyone signed in may report one; the platform's admins
 * hide it or keep it, with a line in the audit log.
 */
@Service
@Transactional
public class Reviews {

	/** Days after the event in which both sides may review. */
	public static final int WINDOW_DAYS = 14;

	private final ReviewRepository reviews;

	private final ApplicationRepository applications;

	private final ListingRepository listings;

	private final EventManagement events;

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final RateLimits rateLimits;

	private final Clock clock;

	Reviews(ReviewRepository reviews, ApplicationRepository applications, ListingRepository listings,
			EventManagement events, AccountManagement accounts, AuditLog audit, RateLimits rateLimits, Clock clock) {
		this.reviews = reviews;
		this.applications = applications;
		this.listings = listings;
		this.events = events;
		this.accounts = accounts;
		this.audit = audit;
		this.rateLimits = rateLimits;
		this.clock = clock;
	}

	/**
	 * Writes (or, while it is not shown, rewrites) the caller's review of the other side
	 * of an application.
	 * @param authorId the caller: the photographer who applied or the listing's owner
	 * @param applicationId the application
	 * @param stars 1 to 5
	 * @param body the text
	 * @throws EventNotFoundException when the caller is neither side
	 */
	public void write(UUID authorId, UUID applicationId, int stars, String body) {
		Application application = this.applications.find(applicationId).orElseThrow(EventNotFoundException::new);
		Listing listing = this.listings.findById(application.listingId()).orElseThrow();
		boolean photographer = application.photographerId().equals(authorId);
		if (!photographer && !listing.ownerId().equals(authorId)) {
			throw new EventNotFoundException();
		}
		if (application.status() != Application.Status.ACCEPTED) {
			throw new MarketplaceException("marketplace.review.notAccepted");
		}
		Event event = this.events.get(application.eventId()).orElseThrow(EventNotFoundException::new);
		Instant now = this.clock.instant();
		if (!took(event, now)) {
			throw new MarketplaceException("marketplace.review.tooEarly");
		}
		Instant closes = windowCloses(event.date());
		if (!now.isBefore(closes)) {
			throw new MarketplaceException("marketplace.review.windowClosed");
		}
		if (this.reviews.find(applicationId, authorId, now).filter(ReviewRepository.Row::published).isPresent()) {
			throw new MarketplaceException("marketplace.review.published");
		}
		if (stars < 1 || stars > 5) {
			throw new MarketplaceException("marketplace.review.starsInvalid");
		}
		String text = Listings.text(body, Listings.MAX_TEXT);
		if (text == null) {
			throw new MarketplaceException("marketplace.review.textRequired");
		}
		this.reviews.save(applicationId, authorId, photographer ? listing.ownerId() : application.photographerId(),
				photographer ? "PHOTOGRAPHER" : "ORGANIZER", stars, text, event.date(), now, closes);
	}

	/**
	 * The caller's own review of an application, shown or not.
	 * @param applicationId the application
	 * @param authorId the caller
	 * @return the review, or null
	 */
	@Transactional(readOnly = true)
	public Review mine(UUID applicationId, UUID authorId) {
		return this.reviews.find(applicationId, authorId, this.clock.instant()).map(this::review).orElse(null);
	}

	/**
	 * Whether the caller may review an application now.
	 * @param application the application (theirs or on their listing)
	 * @param authorId the caller
	 * @return true when accepted, the event took place, the window is open and their
	 * review is not shown yet
	 */
	@Transactional(readOnly = true)
	public boolean mayWrite(Application application, UUID authorId) {
		if (application.status() != Application.Status.ACCEPTED) {
			return false;
		}
		Instant now = this.clock.instant();
		Event event = this.events.get(application.eventId()).orElse(null);
		return event != null && took(event, now) && now.isBefore(windowCloses(event.date()))
				&& this.reviews.find(application.id(), authorId, now).filter(ReviewRepository.Row::published).isEmpty();
	}

	/**
	 * The reviews shown about someone, newest first.
	 * @param subjectId the photographer or organizer
	 * @return the reviews
	 */
	@Transactional(readOnly = true)
	public List<Review> about(UUID subjectId) {
		return this.reviews.publishedAbout(subjectId, this.clock.instant()).stream().map(this::review).toList();
	}

	/**
	 * Someone's average rating over the reviews shown.
	 * @param subjectId the photographer or organizer
	 * @return the average, or null with no review
	 */
	@Transactional(readOnly = true)
	public Double average(UUID subjectId) {
		List<Review> shown = about(subjectId);
		return shown.isEmpty() ? null : shown.stream().mapToInt(Review::stars).average().orElse(0);
	}

	/**
	 * Reports a review shown to the public to the platform's admins.
	 * @param reporterId who reports
	 * @param reviewId the review
	 * @param reason why
	 */
	public void report(UUID reporterId, UUID reviewId, String reason) {
		ReviewRepository.Row review = this.reviews.findById(reviewId, this.clock.instant())
			.filter((row) -> row.published() && row.hiddenReason() == null)
			.orElseThrow(EventNotFoundException::new);
		String why = Listings.text(reason, 500);
		if (why == null) {
			throw new MarketplaceException("marketplace.report.reasonRequired");
		}
		this.rateLimits.acquire(RateLimit.MARKETPLACE, "report:" + reporterId);
		this.reviews.report(review.id(), reporterId, why, this.clock.instant());
	}

	/**
	 * The reports not handled yet, for the platform's admins.
	 * @return report id, review id, reason, when, and the review
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> openReports() {
		return this.reviews.openReports();
	}

	/**
	 * An admin settles a report: hides the review or keeps it, with a reason and a line
	 * in the audit log.
	 * @param admin the admin (the caller checked the role)
	 * @param reportId the report
	 * @param hide true to hide the review
	 * @param reason why
	 */
	public void moderate(AccountPrincipal admin, UUID reportId, boolean hide, String reason) {
		UUID reviewId = this.reviews.reviewOfOpenReport(reportId).orElseThrow(EventNotFoundException::new);
		String why = Listings.text(reason, 1000);
		if (why == null) {
			throw new MarketplaceException("moderation.reasonRequired");
		}
		ReviewRepository.Row review = this.reviews.findById(reviewId, this.clock.instant()).orElseThrow();
		if (hide) {
			this.reviews.hide(reviewId, why);
		}
		this.reviews.resolve(reviewId, (hide ? "HIDDEN: " : "KEPT: ") + why, this.clock.instant());
		UUID eventId = this.applications.find(review.applicationId()).map(Application::eventId).orElse(null);
		this.audit.record(admin.id(), admin.email(), hide ? "REVIEW_HIDDEN_BY_ADMIN" : "REVIEW_KEPT_BY_ADMIN", "review",
				reviewId.toString(), eventId, review.stars() + "★ · " + why);
	}

	/** The event took place: its day is over. */
	private static boolean took(Event event, Instant now) {
		return LocalDate.ofInstant(now, LocalDates.ZONE).isAfter(event.date());
	}

	/** The window closes 14 days after the end of the event's day. */
	static Instant windowCloses(LocalDate eventDate) {
		return eventDate.plusDays(1).atStartOfDay(LocalDates.ZONE).toInstant().plus(Duration.ofDays(WINDOW_DAYS));
	}

	private Review review(ReviewRepository.Row row) {
		String author = this.accounts.find(row.authorId()).map((account) -> account.displayName()).orElse("—");
		return new Review(row.id(), row.applicationId(), row.authorId(), author, row.subjectId(), row.authorSide(),
				row.stars(), row.body(), row.eventDate(), row.writtenAt(), row.published(), row.hiddenReason());
	}

}

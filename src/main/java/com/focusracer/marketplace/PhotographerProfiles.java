package com.focusracer.marketplace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;
import com.focusracer.marketplace.internal.ApplicationRepository;
import com.focusracer.marketplace.internal.ProfileRepository;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photographers' public profiles: who they are, where and what they shoot, a portfolio of
 * up to 12 of their own published photos (shown through their watermarked versions only),
 * their past events on the platform, counted, and the reviews about them.
 */
@Service
@Transactional
public class PhotographerProfiles {

	/** The most photos in a portfolio. */
	public static final int MAX_PORTFOLIO = 12;

	private final ProfileRepository profiles;

	private final ApplicationRepository applications;

	private final EventManagement events;

	private final PhotoManagement photos;

	private final Clock clock;

	PhotographerProfiles(ProfileRepository profiles, ApplicationRepository applications, EventManagement events,
			PhotoManagement photos, Clock clock) {
		this.profiles = profiles;
		this.applications = applications;
		this.events = events;
		this.photos = photos;
		this.clock = clock;
	}

	/**
	 * A photo of a portfolio with the address of its watermarked preview.
	 *
	 * @param photoId the photo
	 * @param eventName its event
	 * @param thumbnailUrl the watermarked thumbnail
	 * @param webUrl the watermarked 1,600 px version
	 */
	public record PortfolioPhoto(UUID photoId, String eventName, String thumbnailUrl, String webUrl) {

	}

	@Transactional(readOnly = true)
	public Optional<PhotographerProfile> of(UUID accountId) {
		return this.profiles.find(accountId);
	}

	@Transactional(readOnly = true)
	public Optional<PhotographerProfile> bySlug(String slug) {
		return this.profiles.findBySlug(slug);
	}

	/**
	 * Creates or changes the caller's profile; its address is made from the name the
	 * first time and then kept.
	 * @param accountId the caller
	 * @param entered what was entered (id, slug and date are ignored)
	 * @return the profile
	 */
	public PhotographerProfile save(UUID accountId, PhotographerProfile entered) {
		String name = Listings.text(entered.name(), 80);
		if (name == null) {
			throw new MarketplaceException("marketplace.profile.nameRequired");
		}
		if (entered.travelKm() != null && (entered.travelKm() < 0 || entered.travelKm() > 5000)) {
			throw new MarketplaceException("marketplace.profile.travelInvalid");
		}
		String slug = this.profiles.find(accountId).map(PhotographerProfile::slug).orElseGet(() -> {
			String base = Listings.slug(name);
			String candidate = base;
			for (int n = 2; this.profiles.slugTaken(candidate); n++) {
				candidate = base + "-" + n;
			}
			return candidate;
		});
		this.profiles.save(new PhotographerProfile(accountId, slug, name, Listings.text(entered.region(), 80),
				entered.travelKm(), Listings.text(entered.sports(), 200), Listings.text(entered.gear(), 300),
				Listings.text(entered.languages(), 120), Listings.text(entered.bio(), Listings.MAX_TEXT),
				entered.seekingWork(), this.clock.instant()));
		return this.profiles.find(accountId).orElseThrow();
	}

	/**
	 * Sets the caller's portfolio: only their own photos, published in a public event.
	 * @param accountId the caller, who must have a profile
	 * @param photoIds the photos in the order shown
	 * @throws MarketplaceException when a photo is not theirs, not public, or too many
	 */
	public void setPortfolio(UUID accountId, List<UUID> photoIds) {
		this.profiles.find(accountId).orElseThrow(() -> new MarketplaceException("marketplace.profile.first"));
		List<UUID> unique = new ArrayList<>(new LinkedHashSet<>(photoIds));
		if (unique.size() > MAX_PORTFOLIO) {
			throw new MarketplaceException("marketplace.portfolio.tooMany", MAX_PORTFOLIO);
		}
		for (UUID photoId : unique) {
			if (shown(photoId, accountId).isEmpty()) {
				throw new MarketplaceException("marketplace.portfolio.notYours");
			}
		}
		this.profiles.setPortfolio(accountId, unique);
	}

	/**
	 * The portfolio as shown: the photos still public, their watermarked versions.
	 * @param accountId the photographer
	 * @return the photos
	 */
	@Transactional(readOnly = true)
	public List<PortfolioPhoto> portfolio(UUID accountId) {
		return this.profiles.portfolio(accountId)
			.stream()
			.flatMap((photoId) -> shown(photoId, accountId).stream())
			.toList();
	}

	/**
	 * The photos a photographer may put in their portfolio: theirs, published, in public
	 * events, latest events first.
	 * @param accountId the photographer
	 * @return at most 60 photos
	 */
	@Transactional(readOnly = true)
	public List<PortfolioPhoto> candidates(UUID accountId) {
		List<PortfolioPhoto> found = new ArrayList<>();
		for (Event event : this.events.forAccount(accountId, true)) {
			if (event.visibility() != Visibility.PUBLIC || event.hiddenByModeration()) {
				continue;
			}
			for (Photo photo : this.photos.page(event.id(), accountId, PhotoStatus.PUBLISHED, false, 60, 0)) {
				if (found.size() < 60 && accountId.equals(photo.uploaderId()) && photo.isPublic()) {
					found.add(portfolioPhoto(event, photo));
				}
			}
		}
		return found;
	}

	/**
	 * The events a photographer worked on that took place: those of the platform whose
	 * team they were in (not their own), counted from the teams, not entered.
	 * @param accountId the photographer
	 * @return how many
	 */
	@Transactional(readOnly = true)
	public int pastEvents(UUID accountId) {
		LocalDate today = LocalDates.today(this.clock);
		LinkedHashSet<UUID> past = new LinkedHashSet<>();
		this.events.forAccount(accountId, true)
			.stream()
			.filter((event) -> !event.ownerId().equals(accountId) && event.date().isBefore(today))
			.forEach((event) -> past.add(event.id()));
		this.applications.acceptedEvents(accountId)
			.stream()
			.flatMap((eventId) -> this.events.get(eventId).stream())
			.filter((event) -> event.date().isBefore(today))
			.forEach((event) -> past.add(event.id()));
		return past.size();
	}

	/**
	 * The profiles of photographers who seek work.
	 * @return the latest 50 changed
	 */
	@Transactional(readOnly = true)
	public List<PhotographerProfile> seekingWork() {
		return this.profiles.seekingWork(50);
	}

	private Optional<PortfolioPhoto> shown(UUID photoId, UUID accountId) {
		return this.photos.published(photoId)
			.filter((photo) -> accountId.equals(photo.uploaderId()))
			.flatMap((photo) -> this.events.get(photo.eventId())
				.filter((event) -> event.visibility() == Visibility.PUBLIC && !event.hiddenByModeration())
				.map((event) -> portfolioPhoto(event, photo)));
	}

	private static PortfolioPhoto portfolioPhoto(Event event, Photo photo) {
		String base = "/events/" + event.slug() + "/photos/" + photo.id();
		return new PortfolioPhoto(photo.id(), event.name(), base + "/thumb.jpg", base + "/web.jpg");
	}

}

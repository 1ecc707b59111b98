package com.focusracer.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.analytics.Metric;
import com.focusracer.gallery.GalleryVisited;
import com.focusracer.photos.PhotoLabels;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoPublished;
import com.focusracer.photos.PhotoUploaded;
import com.focusracer.recognition.RecognitionManagement;
import com.focusracer.shop.CheckoutStarted;
import com.focusracer.shop.OrderPaid;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what other modules announce into daily counts. Visits to the public pages are
 * counted on the request's thread by one upsert, outside any transaction; a failed count
 * is logged and the page shown all the same. What other modules announce in their
 * transactions (uploads, publications, checkouts, payments) is counted after their commit
 * through the event publication registry, again after a crash.
 */
@Component
class Measurement {

	private static final Logger log = LoggerFactory.getLogger(Measurement.class);

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final Counters counters;

	private final PhotoManagement photos;

	private final RecognitionManagement recognition;

	private final Clock clock;

	Measurement(Counters counters, PhotoManagement photos, RecognitionManagement recognition, Clock clock) {
		this.counters = counters;
		this.photos = photos;
		this.recognition = recognition;
		this.clock = clock;
	}

	@EventListener
	void on(GalleryVisited visit) {
		try {
			this.counters.add(today(), visit.eventId(), metric(visit).name(), 1);
		}
		catch (RuntimeException ex) {
			log.warn("Could not count a visit to event {}: {}", visit.eventId(), ex.getMessage());
		}
	}

	static Metric metric(GalleryVisited visit) {
		return switch (visit.step()) {
			case EVENT_PAGE -> Metric.EVENT_PAGE_VIEW;
			case BIB_SEARCH -> visit.found() ? Metric.BIB_SEARCH : Metric.BIB_SEARCH_EMPTY;
			case NAME_SEARCH -> visit.found() ? Metric.NAME_SEARCH : Metric.NAME_SEARCH_EMPTY;
			case SELFIE_SEARCH -> visit.found() ? Metric.SELFIE_SEARCH : Metric.SELFIE_SEARCH_EMPTY;
			case PHOTO_VIEW -> Metric.PHOTO_VIEW;
			case CART_ADD -> Metric.CART_ADD;
		};
	}

	@ApplicationModuleListener
	void on(CheckoutStarted started) {
		this.counters.add(today(), started.eventId(), Metric.CHECKOUT_STARTED.name(), 1);
	}

	@ApplicationModuleListener
	void on(OrderPaid paid) {
		this.counters.add(today(), paid.eventId(), Metric.ORDER_PAID.name(), 1);
	}

	@ApplicationModuleListener
	void on(PhotoUploaded uploaded) {
		this.counters.add(today(), uploaded.eventId(), Metric.PHOTO_UPLOADED.name(), 1);
	}

	/**
	 * A photo's first publication counts it as published, with its time from upload to
	 * gallery and the sources that linked it; a re-process publishes it again but counts
	 * nothing more.
	 */
	@ApplicationModuleListener
	void on(PhotoPublished published) {
		if (!this.counters.firstPublication(published.photoId(), published.eventId())) {
			return;
		}
		// The times the pipeline told, exact whenever this runs (after a crash, later);
		// an event stored before they were told falls back on the photo and now.
		LocalDate day = (published.publishedAt() != null) ? LocalDate.ofInstant(published.publishedAt(), PARIS)
				: today();
		this.counters.add(day, published.eventId(), Metric.PHOTO_PUBLISHED.name(), 1);
		if (published.uploadedAt() != null && published.publishedAt() != null) {
			this.counters.addGalleryTime(day,
					Duration.between(published.uploadedAt(), published.publishedAt()).toSeconds());
		}
		else {
			this.photos.get(published.photoId())
				.ifPresent((photo) -> this.counters.addGalleryTime(day,
						Duration.between(photo.createdAt(), this.clock.instant()).toSeconds()));
		}
		Set<String> sources = new LinkedHashSet<>();
		for (PhotoLabels.Link link : this.recognition.links(published.photoId())) {
			sources.add(link.source());
		}
		for (String source : sources) {
			this.counters.add(day, published.eventId(), Metric.linkedBy(source), 1);
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), PARIS);
	}

}

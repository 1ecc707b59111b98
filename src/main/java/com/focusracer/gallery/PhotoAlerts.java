package com.focusracer.gallery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.shared.Bib;
import com.focusracer.shared.EmailAddress;
import com.focusracer.shared.SiteUrl;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.gallery.internal.GalleryRepository;
import com.focusracer.mail.Outbox;
import com.focusracer.photos.PhotoPublished;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.recognition.RecognitionManagement;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Notify me": a runner leaves an address for a bib with no photo yet, confirms it from
 * an e-mail (double opt-in), and gets one e-mail when that bib's photos are published —
 * at most one per hour per address, bib and event, each with a link to stop.
 */
@Service
public class PhotoAlerts {

	private static final Logger log = LoggerFactory.getLogger(PhotoAlerts.class);

	/** The least time between two e-mails of one alert. */
	static final Duration BATCH = Duration.ofHours(1);

	private final GalleryRepository repository;

	private final EventManagement events;

	private final PhotoManagement photos;

	private final RecognitionManagement recognition;

	private final Outbox outbox;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	private final SecureRandom random = new SecureRandom();

	private final com.focusracer.privacy.Consents consents;

	PhotoAlerts(GalleryRepository repository, EventManagement events, PhotoManagement photos,
			RecognitionManagement recognition, Outbox outbox, MessageSource messages, Clock clock, SiteUrl site,
			com.focusracer.privacy.Consents consents) {
		this.consents = consents;
		this.repository = repository;
		this.events = events;
		this.photos = photos;
		this.recognition = recognition;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = site.root();
	}

	/**
	 * Asks for an e-mail when a bib's photos are published; sends the confirmation e-mail
	 * (nothing is sent for an address that is already confirmed for that bib).
	 * @param event the event
	 * @param bib the bib
	 * @param email the address
	 * @param locale the language of the e-mails
	 */
	@Transactional
	public void request(Event event, String bib, String email, Locale locale) {
		String address = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
		if (!EmailAddress.isWellFormed(address)) {
			throw new UserMistakeException("email.invalid");
		}
		String cleanBib = Bib.of(bib, "recognition.badBib").value();
		String language = "en".equals(locale.getLanguage()) ? "en" : "fr";
		Optional<GalleryRepository.Alert> existing = this.repository.alert(event.id(), cleanBib, address);
		GalleryRepository.Alert alert;
		if (existing.isPresent()) {
			alert = existing.get();
			if (alert.confirmed()) {
				return;
			}
			this.repository.reopenAlert(alert.id(), language);
		}
		else {
			byte[] secret = new byte[24];
			this.random.nextBytes(secret);
			alert = new GalleryRepository.Alert(UUID.randomUUID(), event.id(), cleanBib, address,
					Base64.getUrlEncoder().withoutPadding().encodeToString(secret), language, false);
			this.repository.insertAlert(alert, this.clock.instant());
		}
		send(alert.email(), "mail.alertConfirm", Locale.forLanguageTag(language), event.name(), cleanBib,
				this.baseUrl + "/alerts/" + alert.token() + "/confirm",
				this.baseUrl + "/alerts/" + alert.token() + "/unsubscribe");
	}

	/**
	 * Confirms an address from the e-mail's link.
	 * @param token the link's secret
	 * @return the alert, when the link is valid
	 */
	@Transactional
	public Optional<GalleryRepository.Alert> confirm(String token) {
		if (!this.repository.confirmAlert(token, this.clock.instant())) {
			return Optional.empty();
		}
		Optional<GalleryRepository.Alert> alert = this.repository.alertByToken(token);
		alert.ifPresent((a) -> {
			Locale locale = Locale.forLanguageTag(a.language());
			String shown = this.messages.getMessage("gallery.alert.label", new Object[] { a.bib() }, locale) + " — "
					+ this.messages.getMessage("gallery.alert.help", null, locale);
			this.consents.give(new com.focusracer.privacy.Consents.Given(
					com.focusracer.privacy.Consents.Purpose.PHOTO_ALERTS, null, a.email(), a.eventId(), a.bib(), shown,
					a.language(), "form, confirmed by the e-mailed link"));
		});
		// Photos may have been published meanwhile: they are news too.
		alert.filter((a) -> !this.recognition.photosOf(a.eventId(), a.bib()).isEmpty())
			.ifPresent((a) -> this.repository.markPending(a.eventId(), List.of(a.bib()), this.clock.instant()));
		return alert;
	}

	/**
	 * Stops an alert from the e-mail's link.
	 * @param token the link's secret
	 * @return true when the link is valid
	 */
	@Transactional
	public boolean unsubscribe(String token) {
		Optional<GalleryRepository.Alert> alert = this.repository.alertByToken(token);
		boolean stopped = this.repository.unsubscribe(token, this.clock.instant());
		if (stopped) {
			alert.ifPresent((a) -> this.consents.withdraw(com.focusracer.privacy.Consents.Purpose.PHOTO_ALERTS,
					a.email(), a.eventId(), a.bib(), "unsubscribe link in the e-mail"));
		}
		return stopped;
	}

	/**
	 * Marks the alerts of a published photo's bibs as having news. Durable: after the
	 * publishing transaction commits, and again after a crash until it succeeds (so
	 * idempotent).
	 * @param published the photo
	 */
	@ApplicationModuleListener
	void on(PhotoPublished published) {
		List<String> bibs = this.recognition.bibs(List.of(published.photoId()))
			.getOrDefault(published.photoId(), List.of());
		if (!bibs.isEmpty()) {
			this.repository.markPending(published.eventId(), bibs, this.clock.instant());
		}
	}

	/**
	 * Sends the alerts with news whose last e-mail is at least an hour old: one e-mail
	 * however many photos arrived.
	 * @return e-mails sent
	 */
	@Scheduled(initialDelayString = "${focusracer.gallery.alerts-delay:PT30S}",
			fixedDelayString = "${focusracer.gallery.alerts-every:PT1M}")
	@Transactional
	public int sendDue() {
		int sent = 0;
		for (GalleryRepository.Alert alert : this.repository.due(this.clock.instant().minus(BATCH))) {
			Event event = this.events.get(alert.eventId()).orElse(null);
			long count = (event != null)
					? this.photos.countPublishedAmong(event.id(), this.recognition.photosOf(event.id(), alert.bib()))
					: 0;
			if (count > 0) {
				send(alert.email(), "mail.alertPhotos", Locale.forLanguageTag(alert.language()), event.name(),
						alert.bib(), count, this.baseUrl + "/events/" + event.slug() + "?bib=" + alert.bib(),
						this.baseUrl + "/alerts/" + alert.token() + "/unsubscribe");
				sent++;
				this.repository.sent(alert.id(), this.clock.instant());
			}
			else {
				// The photos went (hidden, deleted): nothing to say, and no hour lost.
				this.repository.clearPending(alert.id());
			}
		}
		if (sent > 0) {
			log.info("{} photo alert e-mails queued", sent);
		}
		return sent;
	}

	private void send(String to, String key, Locale locale, Object... arguments) {
		this.outbox.queue(to, this.messages.getMessage(key + ".subject", arguments, locale),
				this.messages.getMessage(key + ".body", arguments, locale));
	}

}

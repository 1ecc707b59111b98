package com.focusracer.events;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.privacy.AuditLog;
import com.focusracer.events.internal.EventRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and running events. An event belongs to the account that created it; its owner
 * adds photographers who may upload to it. Nobody else sees it here: another account's
 * event is simply not found.
 */
@Service
@Transactional
public class EventManagement {

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

	/**
	 * Lower-case letters and digits without look-alikes: 12 of them are 60 random bits.
	 */
	private static final String SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final int SUFFIX_LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final EventRepository events;

	private final AccountManagement accounts;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final AuditLog audit;

	private final com.focusracer.privacy.Consents consents;

	private final org.springframework.context.MessageSource messages;

	private final org.springframework.beans.factory.ObjectProvider<FaceFeatures> faces;

	EventManagement(EventRepository events, AccountManagement accounts, Clock clock,
			ApplicationEventPublisher publisher, AuditLog audit, com.focusracer.privacy.Consents consents,
			org.springframework.context.MessageSource messages,
			org.springframework.beans.factory.ObjectProvider<FaceFeatures> faces) {
		this.faces = faces;
		this.consents = consents;
		this.messages = messages;
		this.events = events;
		this.accounts = accounts;
		this.clock = clock;
		this.publisher = publisher;
		this.audit = audit;
	}

	/**
	 * Records what someone did to an event in the audit log (in the caller's
	 * transaction).
	 * @param actorId who acted
	 * @param action the action's code ({@code audit.action.<code>} in the messages)
	 * @param eventId the event
	 * @param detail what to show beside it
	 */
	public void audit(UUID actorId, String action, UUID eventId, String detail) {
		this.audit.record(actorId, this.accounts.find(actorId).map(Account::email).orElse(null), action, "event",
				eventId.toString(), eventId, detail);
	}

	/**
	 * Creates an event owned by the caller.
	 * @param ownerId the pro account creating it
	 * @param draft what was entered
	 * @return the event
	 */
	public Event create(UUID ownerId, EventDraft draft) {
		EventDraft valid = validate(draft);
		refuseFacesIfNotAllowed(false, valid);
		UUID id = UUID.randomUUID();
		this.events.insert(id, ownerId, slugFor(valid), valid, this.clock.instant());
		audit(ownerId, "event.created", id, valid.name());
		faceFeaturesChanged(ownerId, id, false, valid.faceSearch());
		return this.events.findById(id).orElseThrow();
	}

	/** Turning face features on is refused while the platform does not allow them. */
	private void refuseFacesIfNotAllowed(boolean before, EventDraft valid) {
		FaceFeatures features = this.faces.getIfAvailable();
		if (valid.faceSearch() && !before && features != null && !features.allowed()) {
			throw new EventException("event.faces.notAllowed");
		}
	}

	/**
	 * Records the organizer's decision on face features as a consent record: the text of
	 * the form's box, when, by whom; withdrawn when the box is unticked.
	 */
	private void faceFeaturesChanged(UUID accountId, UUID eventId, boolean before, boolean after) {
		if (after && !before) {
			String language = this.accounts.find(accountId).map((account) -> account.locale()).orElse("fr");
			java.util.Locale locale = java.util.Locale.forLanguageTag(language);
			String shown = this.messages.getMessage("events.field.faces.on", null, locale) + " — "
					+ this.messages.getMessage("events.field.faces.help", null, locale);
			this.consents.give(new com.focusracer.privacy.Consents.Given(
					com.focusracer.privacy.Consents.Purpose.EVENT_FACE_FEATURES, accountId, null, eventId, null, shown,
					language, "event form checkbox"));
		}
		else if (before && !after) {
			this.consents.withdraw(com.focusracer.privacy.Consents.Purpose.EVENT_FACE_FEATURES, null, eventId, null,
					"event form checkbox unticked");
		}
	}

	/**
	 * Changes an event; only its owner may.
	 * @param eventId the event
	 * @param accountId the caller
	 * @param draft the new values
	 * @return the event
	 */
	public Event update(UUID eventId, UUID accountId, EventDraft draft) {
		Event event = owned(eventId, accountId);
		if (event.archived()) {
			throw new EventException("event.archived");
		}
		EventDraft valid = validate(draft);
		refuseFacesIfNotAllowed(event.faceSearch(), valid);
		this.events.update(eventId, valid, this.clock.instant());
		faceFeaturesChanged(accountId, eventId, event.faceSearch(), valid.faceSearch());
		audit(accountId, "event.updated", eventId, valid.name() + " · " + valid.visibility().name().toLowerCase()
				+ (valid.faceSearch() ? " · visages" : ""));
		if (valid.visibility() == Visibility.UNLISTED && event.visibility() != Visibility.UNLISTED) {
			// The address it had (readable, maybe listed or shared) must stop leading to
			// it.
			String slug = slugFor(valid);
			this.events.setSlug(eventId, slug);
			this.publisher.publishEvent(new EventAddressChanged(eventId, event.slug(), slug));
		}
		return this.events.findById(eventId).orElseThrow();
	}

	public Event setArchived(UUID eventId, UUID accountId, boolean archived) {
		Event event = owned(eventId, accountId);
		this.events.setArchived(eventId, archived, this.clock.instant());
		audit(accountId, archived ? "event.archived" : "event.unarchived", eventId, event.name());
		return this.events.findById(eventId).orElseThrow();
	}

	/**
	 * An event the caller may see: as its owner or one of its photographers.
	 * @param eventId the event
	 * @param accountId the caller
	 * @return the event, or empty when it does not exist or belongs to others
	 */
	@Transactional(readOnly = true)
	public Optional<Event> find(UUID eventId, UUID accountId) {
		return this.events.findById(eventId)
			.filter((event) -> event.ownerId().equals(accountId) || this.events.isMember(eventId, accountId));
	}

	/**
	 * An event the caller owns.
	 * @param eventId the event
	 * @param accountId the caller
	 * @return the event
	 * @throws EventNotFoundException when the caller does not own it
	 */
	@Transactional(readOnly = true)
	public Event owned(UUID eventId, UUID accountId) {
		return this.events.findById(eventId)
			.filter((event) -> event.ownerId().equals(accountId))
			.orElseThrow(EventNotFoundException::new);
	}

	/**
	 * Any event, for the pipeline and the public pages.
	 * @param eventId the event
	 * @return the event
	 */
	@Transactional(readOnly = true)
	public Optional<Event> get(UUID eventId) {
		return this.events.findById(eventId);
	}

	/**
	 * Some events, for the figures that name them.
	 * @param eventIds the events
	 * @return those that exist, by id
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Event> getAll(java.util.Collection<UUID> eventIds) {
		Map<UUID, Event> found = new java.util.LinkedHashMap<>();
		this.events.findAllById(eventIds).forEach((event) -> found.put(event.id(), event));
		return found;
	}

	/**
	 * An event by its address, for the public pages: none when the platform's admins hid
	 * it.
	 * @param slug the address
	 * @return the event
	 */
	@Transactional(readOnly = true)
	public Optional<Event> findBySlug(String slug) {
		return this.events.findBySlug(slug).filter((event) -> !event.hiddenByModeration());
	}

	/**
	 * Every event, for the platform's admins (the caller checked the role).
	 * @param limit the most to return
	 * @return the events, newest race first
	 */
	@Transactional(readOnly = true)
	public List<Event> all(int limit) {
		return this.events.all(limit);
	}

	/**
	 * Hides an event from the public, or shows it again, by decision of the platform's
	 * admins (the caller checked the role and records it in the audit log).
	 * @param eventId the event
	 * @param reason why, told to its organizer; null to show it again
	 * @return the event as it was before
	 * @throws EventNotFoundException when there is no such event
	 */
	@Transactional
	public Event moderate(UUID eventId, String reason) {
		Event event = this.events.findById(eventId).orElseThrow(EventNotFoundException::new);
		this.events.setModerationReason(eventId, reason, this.clock.instant());
		return event;
	}

	/**
	 * The events listed on the public home page: public and not archived, latest first.
	 * @return the events
	 */
	@Transactional(readOnly = true)
	public List<Event> listed() {
		return this.events.listed();
	}

	@Transactional(readOnly = true)
	public List<Event> forAccount(UUID accountId, boolean includeArchived) {
		return this.events.forAccount(accountId, includeArchived);
	}

	/**
	 * Adds a photographer, who may then upload to the event.
	 * @param eventId the event
	 * @param ownerId the owner
	 * @param email the photographer's account e-mail
	 * @return the photographer's account
	 */
	public Account addPhotographer(UUID eventId, UUID ownerId, String email) {
		owned(eventId, ownerId);
		Account account = this.accounts.findByEmail(email)
			.filter((candidate) -> candidate.role().isPro() && candidate.enabled())
			.orElseThrow(() -> new EventException("event.team.noProAccount", email));
		if (account.id().equals(ownerId)) {
			throw new EventException("event.team.owner");
		}
		this.events.addMember(eventId, account.id(), this.clock.instant());
		audit(ownerId, "event.photographerAdded", eventId, account.email());
		return account;
	}

	public void removePhotographer(UUID eventId, UUID ownerId, UUID accountId) {
		owned(eventId, ownerId);
		this.events.removeMember(eventId, accountId);
		audit(ownerId, "event.photographerRemoved", eventId,
				this.accounts.find(accountId).map(Account::email).orElse(accountId.toString()));
	}

	@Transactional(readOnly = true)
	public List<Account> photographers(UUID eventId) {
		return this.events.members(eventId).stream().flatMap((id) -> this.accounts.find(id).stream()).toList();
	}

	private static EventDraft validate(EventDraft draft) {
		String name = trim(draft.name());
		if (name == null || name.length() > 120) {
			throw new EventException("event.name.invalid", 120);
		}
		if (draft.date() == null) {
			throw new EventException("event.date.missing");
		}
		String location = trim(draft.location());
		if (location == null || location.length() > 120) {
			throw new EventException("event.location.invalid", 120);
		}
		int retention = (draft.faceDataRetentionDays() != null) ? draft.faceDataRetentionDays() : 30;
		if (retention < 1 || retention > 365) {
			throw new EventException("event.retention.invalid");
		}
		String color = trim(draft.primaryColor());
		if (color != null && !COLOR.matcher(color).matches()) {
			throw new EventException("event.color.invalid");
		}
		String watermark = trim(draft.watermarkText());
		if (watermark != null && watermark.length() > 60) {
			throw new EventException("event.watermark.tooLong", 60);
		}
		String sponsor = trim(draft.sponsorText());
		if (sponsor != null && sponsor.length() > 60) {
			throw new EventException("event.sponsor.tooLong", 60);
		}
		return new EventDraft(name, draft.date(), location, trim(draft.sport()), trim(draft.description()),
				(draft.visibility() != null) ? draft.visibility() : Visibility.PUBLIC, draft.faceSearch(), retention,
				watermark, color, sponsor, draft.publicFullNames());
	}

	/**
	 * A readable address for public and private events; for unlisted ones, the readable
	 * part plus a random suffix, so that only those given the link find the event.
	 */
	private String slugFor(EventDraft draft) {
		if (draft.visibility() != Visibility.UNLISTED) {
			return uniqueSlug(draft);
		}
		String base = readableSlug(draft);
		String slug;
		do {
			slug = base + "-" + unguessableSuffix();
		}
		while (this.events.slugTaken(slug));
		return slug;
	}

	private static String unguessableSuffix() {
		StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
		for (int i = 0; i < SUFFIX_LENGTH; i++) {
			suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
		}
		return suffix.toString();
	}

	private String uniqueSlug(EventDraft draft) {
		String base = readableSlug(draft);
		String slug = base;
		for (int n = 2; this.events.slugTaken(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private static String readableSlug(EventDraft draft) {
		String base = Normalizer.normalize(draft.name() + "-" + draft.date().getYear(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		if (base.length() > 80) {
			base = base.substring(0, 80);
		}
		return base;
	}

	private static String trim(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

package com.focusracer.admin;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.mail.Outbox;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoActions;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.privacy.AuditLog;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform's admins do to events and photos they do not own: hide or show an
 * event, hide, show or remove a photo, always with a reason that the pro is told by
 * e-mail, and a line in the audit log committed with the action.
 */
@Service
public class Moderation {

	/** The longest reason kept: a sentence or two for the pro. */
	static final int MAX_REASON = 1000;

	private final EventManagement events;

	private final PhotoActions photos;

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final Outbox outbox;

	private final MessageSource messages;

	private final PhotoManagement photoManagement;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	Moderation(EventManagement events, PhotoActions photos, AccountManagement accounts, AuditLog audit, Outbox outbox,
			MessageSource messages, PhotoManagement photoManagement,
			org.springframework.transaction.support.TransactionTemplate transactions) {
		this.photoManagement = photoManagement;
		this.transactions = transactions;
		this.events = events;
		this.photos = photos;
		this.accounts = accounts;
		this.audit = audit;
		this.outbox = outbox;
		this.messages = messages;
	}

	/**
	 * Hides an event from the public, or shows it again.
	 * @param admin the admin
	 * @param eventId the event
	 * @param hidden true to hide it
	 * @param reason why (required)
	 */
	@Transactional
	public void moderateEvent(AccountPrincipal admin, UUID eventId, boolean hidden, String reason) {
		String why = reason(reason);
		Event before = this.events.moderate(eventId, hidden ? why : null);
		String code = hidden ? "EVENT_HIDDEN_BY_ADMIN" : "EVENT_SHOWN_BY_ADMIN";
		this.audit.record(admin.id(), admin.email(), code, "event", eventId.toString(), eventId,
				before.name() + " · " + why);
		tell(before.ownerId(), hidden ? "moderation.mail.eventHidden" : "moderation.mail.eventShown", before.name(),
				why);
	}

	/**
	 * Removes an event from the platform: hidden from the public for good (no page, no
	 * search, no new order), audited, the owner told; then each of its photos removed as
	 * a moderated photo is: deleted with its files, or, when sold, withdrawn and kept for
	 * its buyers. Orders, invoices and shares stay (accounting records): paid orders keep
	 * their downloads until their links expire, pros keep what they earned. Each photo is
	 * its own transaction: a removal stopped half-way (a crash, a store failing) is
	 * finished by removing the event again.
	 * @param admin the admin
	 * @param eventId the event
	 * @param reason why (required)
	 * @return photos deleted and photos withdrawn (kept for their buyers)
	 * @throws IOException when the store fails while deleting a photo's files
	 */
	public int[] removeEvent(AccountPrincipal admin, UUID eventId, String reason) throws IOException {
		String why = reason(reason);
		Event before = this.transactions.execute((status) -> {
			Event event = this.events.moderate(eventId, why);
			this.audit.record(admin.id(), admin.email(), "EVENT_REMOVED_BY_ADMIN", "event", eventId.toString(), eventId,
					event.name() + " · " + why);
			tell(event.ownerId(), "moderation.mail.eventRemoved", event.name(), why);
			return event;
		});
		int[] removed = new int[2];
		for (Photo photo : this.photoManagement.ofEvent(before.id())) {
			switch (this.photos.removeByModeration(photo.id(), admin.id())) {
				case DELETED -> removed[0]++;
				case WITHDRAWN -> removed[1]++;
				default -> {
				}
			}
		}
		return removed;
	}

	/**
	 * Hides, shows or removes a photo.
	 * @param admin the admin
	 * @param photoId the photo
	 * @param action {@code hide}, {@code show} or {@code remove}
	 * @param reason why (required)
	 * @return the photo's event
	 * @throws IOException when the store fails while removing
	 */
	@Transactional
	public UUID moderatePhoto(AccountPrincipal admin, UUID photoId, String action, String reason) throws IOException {
		String why = reason(reason);
		Optional<Photo> photo = switch (action) {
			case "hide" -> this.photos.moderate(photoId, true);
			case "show" -> this.photos.moderate(photoId, false);
			case "remove" -> {
				Optional<Photo> before = this.photos.moderate(photoId, true);
				if (before.isPresent()) {
					this.photos.removeByModeration(photoId, admin.id());
				}
				yield before;
			}
			default -> throw new IllegalArgumentException("Unknown moderation action " + action);
		};
		Photo before = photo.orElseThrow(EventNotFoundException::new);
		String code = switch (action) {
			case "hide" -> "PHOTO_HIDDEN_BY_ADMIN";
			case "show" -> "PHOTO_SHOWN_BY_ADMIN";
			default -> "PHOTO_REMOVED_BY_ADMIN";
		};
		this.audit.record(admin.id(), admin.email(), code, "photo", photoId.toString(), before.eventId(),
				before.fileName() + " · " + why);
		Event event = this.events.get(before.eventId()).orElseThrow(EventNotFoundException::new);
		tell(before.uploaderId(), "moderation.mail.photo." + action, before.fileName() + " (" + event.name() + ")",
				why);
		if (!event.ownerId().equals(before.uploaderId())) {
			tell(event.ownerId(), "moderation.mail.photo." + action, before.fileName() + " (" + event.name() + ")",
					why);
		}
		return before.eventId();
	}

	private static String reason(String reason) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new UserMistakeException("moderation.reasonRequired");
		}
		return (why.length() > MAX_REASON) ? why.substring(0, MAX_REASON) : why;
	}

	private void tell(UUID accountId, String key, String what, String why) {
		Optional<Account> account = this.accounts.find(accountId);
		if (account.isEmpty()) {
			return;
		}
		Locale locale = Locale.forLanguageTag((account.get().locale() != null) ? account.get().locale() : "fr");
		this.outbox.queue(account.get().email(), this.messages.getMessage(key + ".subject", null, locale),
				this.messages.getMessage(key + ".body", new Object[] { what, why }, locale));
	}

}

package com.focusracer.photos;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.photos.internal.Pipeline;
import com.focusracer.photos.internal.PhotoRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an event's team does to photos already there: hide or show, run again, delete (or
 * withdraw a sold one), re-process the event; and who of the team may.
 */
@Service
public class PhotoActions {

	private static final Logger log = LoggerFactory.getLogger(PhotoActions.class);

	private final PhotoManagement management;

	private final PhotoRepository photos;

	private final BlobStore blobs;

	private final EventManagement events;

	private final Pipeline pipeline;

	private final SchedulerClient scheduler;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final ObjectProvider<PhotoSales> sales;

	PhotoActions(PhotoManagement management, PhotoRepository photos, BlobStore blobs, EventManagement events,
			Pipeline pipeline, SchedulerClient scheduler, TransactionTemplate transactions,
			ApplicationEventPublisher publisher, Clock clock, ObjectProvider<PhotoSales> sales) {
		this.management = management;
		this.photos = photos;
		this.blobs = blobs;
		this.events = events;
		this.pipeline = pipeline;
		this.scheduler = scheduler;
		this.transactions = transactions;
		this.publisher = publisher;
		this.clock = clock;
		this.sales = sales;
	}

	/**
	 * Whether an account may hide, delete or re-run a photo: the event's owner may act on
	 * every photo of the event, a photographer of its team on the photos they uploaded
	 * only.
	 * @param photo the photo
	 * @param accountId the caller
	 * @return true when the caller may change it
	 */
	public boolean mayChange(Photo photo, UUID accountId) {
		return photo.uploaderId().equals(accountId)
				|| this.events.get(photo.eventId()).filter((event) -> event.ownerId().equals(accountId)).isPresent();
	}

	/**
	 * A photo the caller sees and may change.
	 * @param photoId the photo
	 * @param accountId the caller
	 * @return the photo; empty when the caller does not see it
	 * @throws NotYoursException when the caller sees it but may not change it
	 */
	private Optional<Photo> changeable(UUID photoId, UUID accountId) {
		Optional<Photo> photo = this.management.find(photoId, accountId);
		if (photo.isPresent() && !mayChange(photo.get(), accountId)) {
			throw new NotYoursException(photoId);
		}
		return photo;
	}

	/**
	 * Hides or shows a photo.
	 * @param photoId the photo
	 * @param accountId the caller (the event's owner, or the photographer who uploaded
	 * it)
	 * @param hidden true to hide it
	 * @throws NotYoursException when a photographer tries another's photo, or the team
	 * tries to show a photo the platform's admins hid
	 */
	public void hide(UUID photoId, UUID accountId, boolean hidden) {
		if (!hidden && this.photos.moderated(photoId)) {
			// Hidden by the platform's admins: only they show it again.
			throw new NotYoursException(photoId);
		}
		changeable(photoId, accountId).ifPresent((photo) -> this.transactions.executeWithoutResult((status) -> {
			this.photos.setHidden(photoId, hidden, this.clock.instant());
			if (hidden) {
				this.publisher.publishEvent(new PhotoHidden(photo.eventId(), photoId));
			}
		}));
	}

	/**
	 * Hides a published photo at the request of a person on it, until the event's team
	 * decides (the team restores it with {@link #hide(UUID, UUID, boolean)}).
	 * @param photoId the photo
	 * @return true when it was published and is now hidden
	 */
	public boolean hideOnRequest(UUID photoId) {
		Optional<Photo> photo = this.photos.find(photoId).filter(Photo::isPublic);
		photo.ifPresent((p) -> this.transactions.executeWithoutResult((status) -> {
			this.photos.setHidden(photoId, true, this.clock.instant());
			this.publisher.publishEvent(new PhotoHidden(p.eventId(), photoId));
		}));
		return photo.isPresent();
	}

	/**
	 * Runs a photo through the pipeline again.
	 * @param photoId the photo
	 * @param accountId the caller (the event's owner, or the photographer who uploaded
	 * it)
	 * @throws NotYoursException when a photographer tries another's photo
	 */
	public void rerun(UUID photoId, UUID accountId) {
		changeable(photoId, accountId).ifPresent((photo) -> this.transactions
			.executeWithoutResult((status) -> this.pipeline.rerun(this.scheduler, photoId)));
	}

	/**
	 * Deletes a photo, its original and its derivatives (each photo has its own keys). A
	 * sold photo is withdrawn instead: out of the gallery, its original kept for its
	 * buyers (who renew their links from their account).
	 * @param photoId the photo
	 * @param accountId the caller (the event's owner, or the photographer who uploaded
	 * it)
	 * @return what was done
	 * @throws IOException when the store fails
	 * @throws NotYoursException when a photographer tries another's photo
	 */
	public Deletion delete(UUID photoId, UUID accountId) throws IOException {
		return remove(changeable(photoId, accountId), accountId);
	}

	/**
	 * Hides or shows any photo by decision of the platform's admins (the caller checked
	 * the role and records it in the audit log).
	 * @param photoId the photo
	 * @param hidden true to hide it
	 * @return the photo as it was before, or empty when there is none
	 */
	public Optional<Photo> moderate(UUID photoId, boolean hidden) {
		Optional<Photo> photo = this.photos.find(photoId);
		photo.ifPresent((p) -> this.transactions.executeWithoutResult((status) -> {
			this.photos.setModerated(photoId, hidden, this.clock.instant());
			if (hidden) {
				this.publisher.publishEvent(new PhotoHidden(p.eventId(), photoId));
			}
		}));
		return photo;
	}

	/**
	 * Removes any photo by decision of the platform's admins, as its team would delete it
	 * (a sold photo is withdrawn, its original kept for its buyers).
	 * @param photoId the photo
	 * @param adminId the admin
	 * @return what was done
	 * @throws IOException when the store fails
	 */
	public Deletion removeByModeration(UUID photoId, UUID adminId) throws IOException {
		return remove(this.photos.find(photoId), adminId);
	}

	private Deletion remove(Optional<Photo> photo, UUID accountId) throws IOException {
		if (photo.isEmpty()) {
			return Deletion.NONE;
		}
		UUID photoId = photo.get().id();
		PhotoSales sales = this.sales.getIfAvailable();
		if (sales != null && sales.sold(photoId)) {
			// Its buyers must still be able to download it: out of the gallery, kept.
			this.transactions.executeWithoutResult((status) -> {
				this.photos.withdraw(photoId, this.clock.instant());
				this.publisher.publishEvent(new PhotoHidden(photo.get().eventId(), photoId));
				this.events.audit(accountId, "photo.withdrawn", photo.get().eventId(), photo.get().fileName());
			});
			return Deletion.WITHDRAWN;
		}
		Optional<String> original = this.photos.key(photoId, "original_key");
		Optional<String> web = this.photos.key(photoId, "web_key");
		Optional<String> preview = this.photos.key(photoId, "preview_key");
		Optional<String> analysis = this.photos.key(photoId, "analysis_key");
		this.transactions.executeWithoutResult((status) -> {
			this.photos.delete(photoId);
			this.publisher.publishEvent(new PhotoDeleted(photo.get().eventId(), photoId));
		});
		for (Optional<String> key : List.of(original, web, preview, analysis)) {
			if (key.isPresent()) {
				this.blobs.delete(key.get());
			}
		}
		return Deletion.DELETED;
	}

	/**
	 * What a deletion did.
	 */
	public enum Deletion {

		/** Nothing (no such photo). */
		NONE,
		/** Gone, with its files. */
		DELETED,
		/** Sold: withdrawn from the gallery, its original kept for its buyers. */
		WITHDRAWN

	}

	/**
	 * Runs recognition and linking again on every photo of an event (manual corrections
	 * are kept by the stages themselves): all of them for the event's owner, their own
	 * for a photographer of its team.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer)
	 * @return how many photos were scheduled
	 */
	public int reprocess(UUID eventId, UUID accountId) {
		Event event = this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		return reprocess(event, accountId, event.ownerId().equals(accountId));
	}

	/**
	 * Runs recognition and linking again on every photo of any event, by decision of the
	 * platform's admins (the caller checked the role), e.g. after changing the AI
	 * settings.
	 * @param eventId the event
	 * @param adminId the admin
	 * @return how many photos were scheduled
	 */
	public int reprocessForAdmins(UUID eventId, UUID adminId) {
		Event event = this.events.get(eventId).orElseThrow(EventNotFoundException::new);
		return reprocess(event, adminId, true);
	}

	private int reprocess(Event event, UUID accountId, boolean owner) {
		UUID eventId = event.id();
		List<Photo> all = this.photos.ofEvent(eventId)
			.stream()
			.filter((photo) -> owner || photo.uploaderId().equals(accountId))
			.toList();
		this.transactions.executeWithoutResult((status) -> {
			for (Photo photo : all) {
				this.pipeline.reprocess(this.scheduler, photo);
			}
			this.events.audit(accountId, "event.reprocessed", eventId, all.size() + " photos");
		});
		log.info("Event {}: {} photos scheduled for re-processing", eventId, all.size());
		return all.size();
	}

}

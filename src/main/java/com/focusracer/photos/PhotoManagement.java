package com.focusracer.photos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import com.focusracer.shared.images.ImageInspector;
import com.focusracer.shared.images.ImageInspector.UnsupportedImageException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting photos and running an event's photo library. A photo is accepted only once
 * its bytes are durable; the photo row and its first pipeline job are committed together;
 * the same bytes sent twice to an event are stored once.
 */
@Service
public class PhotoManagement {

	private static final Logger log = LoggerFactory.getLogger(PhotoManagement.class);

	private final PhotoRepository photos;

	private final BlobStore blobs;

	private final EventManagement events;

	private final Pipeline pipeline;

	private final SchedulerClient scheduler;

	private final PhotosProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	PhotoManagement(PhotoRepository photos, BlobStore blobs, EventManagement events, Pipeline pipeline,
			SchedulerClient scheduler, PhotosProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher publisher, Clock clock) {
		this.photos = photos;
		this.blobs = blobs;
		this.events = events;
		this.pipeline = pipeline;
		this.scheduler = scheduler;
		this.properties = properties;
		this.transactions = transactions;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Takes one uploaded file.
	 * @param eventId the event
	 * @param accountId the uploader (owner or photographer of the event)
	 * @param fileName the file's name
	 * @param file the received bytes (a temporary file the caller deletes)
	 * @return what happened
	 * @throws IOException when the bytes could not be stored durably (nothing is recorded
	 * then)
	 */
	public UploadOutcome accept(UUID eventId, UUID accountId, String fileName, Path file) throws IOException {
		Event event = this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		String name = (fileName == null || fileName.isBlank()) ? "photo" : Path.of(fileName).getFileName().toString();
		long size = Files.size(file);
		if (size > this.properties.maxFileBytes()) {
			return UploadOutcome.rejected(name, "upload.tooLarge", this.properties.maxFileBytes() / 1_000_000);
		}
		ImageInspector.Header header;
		try {
			header = ImageInspector.inspect(file);
		}
		catch (UnsupportedImageException ex) {
			return UploadOutcome.rejected(name, ex.messageKey());
		}
		if (Math.max(header.width(), header.height()) > this.properties.maxSide()) {
			return UploadOutcome.rejected(name, "upload.tooWide", header.width(), header.height(),
					this.properties.maxSide());
		}
		if (header.pixels() > this.properties.maxPixels()) {
			return UploadOutcome.rejected(name, "upload.tooManyPixels", header.pixels() / 1_000_000,
					this.properties.maxPixels() / 1_000_000);
		}
		String sha256 = sha256(file);
		Optional<UUID> existing = this.photos.findBySha(event.id(), sha256);
		if (existing.isPresent()) {
			return new UploadOutcome(name, UploadOutcome.Outcome.DUPLICATE, existing.get(), "upload.duplicate",
					new Object[0]);
		}
		UUID id = UUID.randomUUID();
		// Keyed by the photo, not by its bytes: deleting a photo removes its own original
		// after the commit, never that of the same bytes uploaded again meanwhile.
		String key = "originals/" + event.id() + "/" + id + ("PNG".equals(header.format()) ? ".png" : ".jpg");
		this.blobs.put(key, file, sha256);
		Boolean inserted = this.transactions.execute((status) -> {
			boolean fresh = this.photos.insertIfNew(id, event.id(), accountId, name, sha256, size, header, key,
					this.clock.instant());
			if (fresh) {
				this.scheduler.scheduleIfNotExists(this.pipeline.firstStage(id), this.clock.instant());
				this.publisher.publishEvent(new PhotoUploaded(event.id(), id, accountId));
			}
			return fresh;
		});
		if (!Boolean.TRUE.equals(inserted)) {
			// The same bytes were stored by another upload at the same moment: this copy
			// is no one's.
			this.blobs.delete(key);
			UUID other = this.photos.findBySha(event.id(), sha256).orElse(null);
			return new UploadOutcome(name, UploadOutcome.Outcome.DUPLICATE, other, "upload.duplicate", new Object[0]);
		}
		log.info("Photo {} accepted for event {} ({} bytes, {}x{})", id, event.id(), size, header.width(),
				header.height());
		this.publisher.publishEvent(new PhotoProgressed(event.id(), id, name, "received"));
		return new UploadOutcome(name, UploadOutcome.Outcome.ACCEPTED, id, null, new Object[0]);
	}

	/**
	 * A photo the caller may see (as owner or photographer of its event).
	 * @param photoId the photo
	 * @param accountId the caller
	 * @return the photo
	 */
	public Optional<Photo> find(UUID photoId, UUID accountId) {
		return this.photos.find(photoId).filter((photo) -> this.events.find(photo.eventId(), accountId).isPresent());
	}

	public List<Photo> page(UUID eventId, UUID accountId, PhotoStatus status, boolean lowQualityOnly, int limit,
			int offset) {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		return this.photos.page(eventId, status, lowQualityOnly, limit, offset);
	}

	/**
	 * The photos before and after one in triage's order, so that a pro goes through an
	 * event photo after photo.
	 * @param photo a photo the caller may see
	 * @return {previous, next}, either {@code null} at an end
	 */
	public UUID[] neighbours(Photo photo) {
		return new UUID[] { this.photos.neighbour(photo, true).orElse(null),
				this.photos.neighbour(photo, false).orElse(null) };
	}

	public long count(UUID eventId, PhotoStatus status, boolean lowQualityOnly) {
		return this.photos.count(eventId, status, lowQualityOnly);
	}

	public Map<String, Long> counts(UUID eventId) {
		return this.photos.countsByStatus(eventId);
	}

	/**
	 * Opens a derivative for the event's team.
	 * @param photoId the photo
	 * @param accountId the caller
	 * @param kind {@code preview} or {@code web}
	 * @return the JPEG bytes, when the photo has them and the caller may see it
	 * @throws IOException when the store fails
	 */
	public Optional<InputStream> openDerivative(UUID photoId, UUID accountId, String kind) throws IOException {
		if (find(photoId, accountId).isEmpty()) {
			return Optional.empty();
		}
		Optional<String> key = this.photos.key(photoId, "web".equals(kind) ? "web_key" : "preview_key");
		if (key.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(this.blobs.open(key.get()));
	}

	/**
	 * A page of any event's photos, hidden ones included, for the platform's admins (the
	 * caller checked the role).
	 * @param eventId the event
	 * @param limit page size
	 * @param offset rows to skip
	 * @return the photos, newest first
	 */
	public List<Photo> pageForAdmins(UUID eventId, int limit, int offset) {
		return this.photos.page(eventId, null, false, limit, offset);
	}

	/**
	 * Opens the web or preview version of any photo, for the platform's admins (the
	 * caller checked the role).
	 * @param photoId the photo
	 * @param kind {@code web} or {@code preview}
	 * @return the bytes, or empty when there is no such version
	 * @throws IOException when the store fails
	 */
	public Optional<InputStream> openDerivativeForAdmins(UUID photoId, String kind) throws IOException {
		Optional<String> key = this.photos.key(photoId, "web".equals(kind) ? "web_key" : "preview_key");
		return key.isPresent() ? Optional.of(this.blobs.open(key.get())) : Optional.empty();
	}

	/**
	 * Any photo, for the modules that work on photos in the background.
	 * @param photoId the photo
	 * @return the photo
	 */
	public Optional<Photo> get(UUID photoId) {
		return this.photos.find(photoId);
	}

	/**
	 * The photos of the same photographer taken within a window around a photo's moment
	 * (its burst), the photo included; none when the camera gave no time.
	 * @param photo the photo
	 * @param window how far either side
	 * @return the photos, by time
	 */
	public List<Photo> takenAround(Photo photo, java.time.Duration window) {
		if (photo.takenAt() == null) {
			return List.of(photo);
		}
		return this.photos.takenAround(photo.eventId(), photo.uploaderId(), photo.takenAt(), window);
	}

	/**
	 * The event's photos that are neither hidden nor failed.
	 * @param eventId the event
	 * @return the photos
	 */
	public List<Photo> ofEvent(UUID eventId) {
		return this.photos.ofEvent(eventId);
	}

	/**
	 * The ids of the event's published photos (for coverage figures: ids only, an event
	 * may hold tens of thousands).
	 * @param eventId the event
	 * @return the ids
	 */
	public java.util.Set<UUID> publishedIds(UUID eventId) {
		return this.photos.publishedIds(eventId);
	}

	/**
	 * A page of the event's photos among some (those linked to a bib), or outside them
	 * (those linked to nobody).
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer)
	 * @param ids the photos
	 * @param among true for the photos in {@code ids}, false for the others
	 * @param status only this status, or all when null
	 * @param limit page size
	 * @param offset rows to skip
	 * @return the photos, newest first
	 */
	public List<Photo> pageAmong(UUID eventId, UUID accountId, java.util.Collection<UUID> ids, boolean among,
			PhotoStatus status, int limit, int offset) {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		return this.photos.pageAmong(eventId, ids, among, status, limit, offset);
	}

	public long countAmong(UUID eventId, java.util.Collection<UUID> ids, boolean among, PhotoStatus status) {
		return this.photos.countAmong(eventId, ids, among, status);
	}

	/**
	 * What the public may see of an event's photos among some (a runner's): published,
	 * not hidden, the latest shot first.
	 * @param eventId the event
	 * @param ids the photos
	 * @param limit page size
	 * @param offset rows to skip
	 * @return the photos
	 */
	public List<Photo> publishedAmong(UUID eventId, java.util.Collection<UUID> ids, int limit, int offset) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.photos.publishedAmong(eventId, ids, limit, offset);
	}

	/**
	 * How many of some photos the public may see.
	 * @param eventId the event
	 * @param ids the photos
	 * @return the count
	 */
	public long countPublishedAmong(UUID eventId, java.util.Collection<UUID> ids) {
		return ids.isEmpty() ? 0 : this.photos.countPublishedAmong(eventId, ids);
	}

	/**
	 * How many photos of an event the public may see.
	 * @param eventId the event
	 * @return the count
	 */
	public long countPublished(UUID eventId) {
		return this.photos.countPublished(eventId);
	}

	/**
	 * When the event's public photos arrived and how long they took to reach the gallery.
	 * @param eventId the event
	 * @return the times
	 */
	public GalleryTimes galleryTimes(UUID eventId) {
		return this.photos.galleryTimes(eventId);
	}

	/**
	 * A photo the public may see: published and not hidden.
	 * @param photoId the photo
	 * @return the photo, or empty
	 */
	public Optional<Photo> published(UUID photoId) {
		return this.photos.find(photoId).filter(PhotoManagement::isPublic);
	}

	/**
	 * Opens the watermarked version of a photo the public may see (never the original).
	 * @param photo a photo returned by {@link #published(UUID)}
	 * @param web true for the 1,600 px version, false for the thumbnail
	 * @return the JPEG bytes, or empty
	 * @throws IOException when the store fails
	 */
	public Optional<InputStream> openPublished(Photo photo, boolean web) throws IOException {
		if (!isPublic(photo)) {
			return Optional.empty();
		}
		Optional<String> key = this.photos.key(photo.id(), web ? "web_key" : "preview_key");
		return key.isPresent() ? Optional.of(this.blobs.open(key.get())) : Optional.empty();
	}

	/**
	 * Opens the photographer's original file, byte for byte: for the shop, once a buyer
	 * has paid for it.
	 * @param photoId the photo
	 * @return the original, or empty when the photo or its file is gone
	 * @throws IOException when the store fails
	 */
	public Optional<InputStream> openOriginal(UUID photoId) throws IOException {
		Optional<String> key = this.photos.key(photoId, "original_key");
		return key.isPresent() ? Optional.of(this.blobs.open(key.get())) : Optional.empty();
	}

	private static boolean isPublic(Photo photo) {
		return photo.isPublic();
	}

	private static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

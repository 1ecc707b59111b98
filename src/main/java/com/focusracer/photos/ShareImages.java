package com.focusracer.photos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventImages;
import com.focusracer.photos.internal.Derivatives;
import com.focusracer.photos.internal.PhotoRepository;
import com.focusracer.photos.internal.ShareRendering;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What the gallery's share images (a runner's crops and teasers) are made from and kept
 * in: the upright photo decoded from its original (never served as it is), the event's
 * watermark, and the blob store, under {@code share/<event>/<photo>/}, shared by every
 * node (no node-local cache), one folder per runner, and deleted when the photo is
 * deleted, hidden or withdrawn, or for one runner on their erasure.
 */
@Service
public class ShareImages {

	private static final Logger log = LoggerFactory.getLogger(ShareImages.class);

	private final PhotoRepository photos;

	private final BlobStore blobs;

	private final EventImages images;

	ShareImages(PhotoRepository photos, BlobStore blobs, EventImages images) {
		this.photos = photos;
		this.blobs = blobs;
		this.images = images;
	}

	/**
	 * The upright, unwatermarked picture of a public photo, at most 3,072 px long, in
	 * memory only: what crops are cut from (the caller watermarks what it serves to
	 * anyone but the photo's buyer).
	 * @param photo a public photo
	 * @return the picture, or empty when the photo is not public or its file is gone
	 * @throws IOException when the store or the decoder fails
	 */
	public Optional<BufferedImage> upright(Photo photo) throws IOException {
		if (!photo.isPublic()) {
			return Optional.empty();
		}
		Optional<String> key = this.photos.key(photo.id(), "original_key");
		if (key.isEmpty()) {
			return Optional.empty();
		}
		byte[] bytes;
		try (InputStream in = this.blobs.open(key.get())) {
			bytes = in.readAllBytes();
		}
		return Optional.of(Derivatives.uprightInMemory(bytes, Derivatives.ANALYSIS_SIZE));
	}

	/**
	 * Draws the event's watermark (text, logo, sponsor band) across an image, as on the
	 * gallery's versions.
	 * @param image the image, drawn on
	 * @param event the event
	 * @return the image
	 */
	public BufferedImage watermark(BufferedImage image, Event event) {
		return ShareRendering.watermark(image, new Derivatives.Branding(event.effectiveWatermark(), event.sponsorText(),
				event.primaryColor(), logo(event).orElse(null)));
	}

	/**
	 * The event's logo, decoded.
	 * @param event the event
	 * @return the logo, or empty
	 */
	public Optional<BufferedImage> logo(Event event) {
		return this.images.get(event.id(), EventImages.Kind.LOGO).map((bytes) -> {
			try {
				return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
			}
			catch (IOException ex) {
				return null;
			}
		});
	}

	/**
	 * Encodes a share image.
	 * @param image the image
	 * @return JPEG bytes, no metadata
	 * @throws IOException when the encoder fails
	 */
	public byte[] jpeg(BufferedImage image) throws IOException {
		return ShareRendering.jpeg(image);
	}

	/**
	 * A share image made before, by any node.
	 * @param photo the photo
	 * @param bib the runner it was made of
	 * @param name its name, e.g. {@code story-teaser-wm-3f2a.jpg}
	 * @return the bytes, or empty
	 * @throws IOException when the store fails
	 */
	public Optional<byte[]> cached(Photo photo, String bib, String name) throws IOException {
		String key = key(photo, bib, name);
		if (!this.blobs.exists(key)) {
			return Optional.empty();
		}
		try (InputStream in = this.blobs.open(key)) {
			return Optional.of(in.readAllBytes());
		}
	}

	/**
	 * Keeps a share image for every node.
	 * @param photo the photo
	 * @param bib the runner it is made of
	 * @param name its name
	 * @param jpeg the bytes
	 * @throws IOException when the store fails
	 */
	public void keep(Photo photo, String bib, String name, byte[] jpeg) throws IOException {
		this.blobs.put(key(photo, bib, name), jpeg);
	}

	/**
	 * Deletes the share images made of a runner on a photo (their erasure, or they are no
	 * longer on it).
	 * @param eventId the photo's event
	 * @param photoId the photo
	 * @param bib the runner
	 * @throws IOException when the store fails
	 */
	public void forget(UUID eventId, UUID photoId, String bib) throws IOException {
		this.blobs.deleteUnder(folder(eventId, photoId) + runner(bib) + "/");
	}

	/**
	 * A deleted photo's share images go with it, once, by whichever node: a durable
	 * listener (the event publication registry runs it again after a crash or a store
	 * failure; the delete is idempotent).
	 * @param deleted the deletion
	 * @throws IOException when the store fails (the publication stays incomplete)
	 */
	@ApplicationModuleListener
	void on(PhotoDeleted deleted) throws IOException {
		this.blobs.deleteUnder(folder(deleted.eventId(), deleted.photoId()));
	}

	/**
	 * A hidden or withdrawn photo's share images go: nobody may be served a crop of a
	 * photo the public no longer sees (made again if the photo is shown again).
	 * @param hidden the hiding
	 * @throws IOException when the store fails (the publication stays incomplete)
	 */
	@ApplicationModuleListener
	void on(PhotoHidden hidden) throws IOException {
		this.blobs.deleteUnder(folder(hidden.eventId(), hidden.photoId()));
		log.debug("Share images of photo {} deleted", hidden.photoId());
	}

	private static String folder(UUID eventId, UUID photoId) {
		return "share/" + eventId + "/" + photoId + "/";
	}

	private static String runner(String bib) {
		if (bib == null || !bib.matches("[A-Za-z0-9.-]{1,40}") || bib.startsWith(".")) {
			throw new IllegalArgumentException("Not a bib");
		}
		return bib;
	}

	/** One folder per runner ({@code share/<event>/<photo>/<bib>/<name>}). */
	private static String key(Photo photo, String bib, String name) {
		if (!name.matches("[A-Za-z0-9.-]{1,120}") || name.startsWith(".")) {
			throw new IllegalArgumentException("Not a share image name");
		}
		return folder(photo.eventId(), photo.id()) + runner(bib) + "/" + name;
	}

}

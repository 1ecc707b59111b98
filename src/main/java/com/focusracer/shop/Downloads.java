package com.focusracer.shop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.focusracer.shared.SiteUrl;
import com.focusracer.events.AutoEditSettings;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.shop.internal.OrderItem;
import com.focusracer.shop.internal.DownloadKeys;
import com.focusracer.shop.internal.OrderRepository;
import com.focusracer.shop.internal.ShopSecretRepository;
import com.focusracer.shop.internal.SoldImages;

import org.springframework.stereotype.Service;

/**
 * Download links of paid orders: signed with the current download key (previous keys
 * still accepted), bound to one order (and photo), expiring; and the files behind them —
 * the originals byte for byte, or a ZIP of the whole order written straight to the
 * response.
 */
@Service
public class Downloads {

	private final OrderRepository orderRepository;

	private final ShopSecretRepository shopSecretRepository;

	private final PhotoManagement photos;

	private final EventManagement events;

	private final AutoEditSettings autoEdit;

	private final Clock clock;

	private final String baseUrl;

	private volatile DownloadKeys keys;

	Downloads(OrderRepository orderRepository, ShopSecretRepository shopSecretRepository, PhotoManagement photos,
			EventManagement events, AutoEditSettings autoEdit, Clock clock, SiteUrl site, ShopProperties properties) {
		this.autoEdit = autoEdit;
		this.orderRepository = orderRepository;
		this.shopSecretRepository = shopSecretRepository;
		this.photos = photos;
		this.events = events;
		this.clock = clock;
		this.baseUrl = site.root();
		// Configured keys are read now, so that a wrong one stops the start with its
		// reason; without any, the installation's own key is read at first use.
		this.keys = properties.downloadKeys().isEmpty() ? null : DownloadKeys.fromBase64(properties.downloadKeys());
	}

	/**
	 * The links of a paid order, valid until its {@code linksUntil}.
	 * @param order the order
	 * @return the links, none when it may not be downloaded
	 */
	public Links links(Order order) {
		if (!order.downloadable() || order.linksUntil() == null) {
			return new Links(List.of(), null, null, null);
		}
		long expires = order.linksUntil().getEpochSecond();
		List<Link> links = new ArrayList<>();
		for (OrderItem item : this.orderRepository.items(order.id())) {
			String path = "/downloads/" + order.id() + "/photos/" + item.photoId();
			String signed = path + "?expires=" + expires + "&sig="
					+ keys().linkSignature(order.id(), item.photoId(), expires);
			links.add(new Link(item.photoId(), this.baseUrl + signed, signed, order.linksUntil()));
		}
		String zip = "/downloads/" + order.id() + "/zip?expires=" + expires + "&sig="
				+ keys().linkSignature(order.id(), null, expires);
		return new Links(links, this.baseUrl + zip, zip, order.linksUntil());
	}

	/**
	 * Checks a download link.
	 * @param orderId the order in the link
	 * @param photoId the photo, {@code null} for the ZIP
	 * @param expires the link's end, epoch seconds
	 * @param signature the link's signature
	 * @return the order, or empty when no such order exists
	 * @throws RefusedException when the link is not valid (wrong, expired, refunded,
	 * disputed)
	 */
	public Optional<Order> check(UUID orderId, UUID photoId, long expires, String signature) {
		Optional<Order> order = this.orderRepository.order(orderId);
		if (order.isEmpty()) {
			return order;
		}
		if (!keys().linkSigned(orderId, photoId, expires, signature)) {
			throw new RefusedException(Reason.WRONG);
		}
		if (Instant.ofEpochSecond(expires).isBefore(this.clock.instant())) {
			throw new RefusedException(Reason.EXPIRED);
		}
		if (order.get().disputed()) {
			throw new RefusedException(Reason.DISPUTED);
		}
		if (!order.get().downloadable()) {
			throw new RefusedException((order.get().status() == OrderStatus.REFUNDED) ? Reason.REFUNDED : Reason.WRONG);
		}
		if (photoId != null
				&& this.orderRepository.items(orderId).stream().noneMatch((i) -> i.photoId().equals(photoId))) {
			throw new RefusedException(Reason.WRONG);
		}
		return order;
	}

	/**
	 * What a photo of an order is downloaded as: its name, type and (for originals) size.
	 * @param order the order
	 * @param photoId the photo
	 * @return e.g. {@code IMG_0042.jpg}, {@code image/jpeg}, 7,228,373 bytes; web and
	 * framed versions are JPEGs named {@code IMG_0042-web.jpg} and {@code IMG_0042.jpg}
	 * whose size is known once written (-1)
	 */
	public SoldFile soldFile(Order order, UUID photoId) {
		return soldFile(order, photoId, false);
	}

	/**
	 * Whether the buyers of an order may choose "enhanced" beside "as shot": its event
	 * has the automatic edit on.
	 * @param order the order
	 * @return true when they may
	 */
	public boolean enhanceable(Order order) {
		return this.autoEdit.enabled(order.eventId());
	}

	/**
	 * What a photo of an order is downloaded as, as shot or enhanced.
	 * @param order the order
	 * @param photoId the photo
	 * @param enhanced whether with the event's automatic edit: a JPEG named
	 * {@code IMG_0042-enhanced.jpg}, whose size is known once written (-1)
	 * @return its name, type and size
	 */
	public SoldFile soldFile(Order order, UUID photoId, boolean enhanced) {
		Photo photo = this.photos.get(photoId).orElseThrow();
		if (enhanced) {
			String name = photo.fileName();
			int dot = name.lastIndexOf('.');
			return new SoldFile(((dot > 0) ? name.substring(0, dot) : name)
					+ ((order.resolution() == Resolution.WEB) ? "-web" : "") + "-enhanced.jpg", "image/jpeg", -1);
		}
		if (order.resolution() == Resolution.ORIGINAL) {
			return new SoldFile(photo.fileName(), "PNG".equals(photo.format()) ? "image/png" : "image/jpeg",
					photo.sizeBytes());
		}
		String name = photo.fileName();
		int dot = name.lastIndexOf('.');
		return new SoldFile(((dot > 0) ? name.substring(0, dot) : name)
				+ ((order.resolution() == Resolution.WEB) ? "-web" : "") + ".jpg", "image/jpeg", -1);
	}

	/**
	 * Writes one photo of an order as sold: the original untouched, or its web or framed
	 * version.
	 * @param order a downloadable order
	 * @param photoId one of its photos
	 * @param out where to write
	 * @throws IOException when the store or the client fails
	 */
	public void write(Order order, UUID photoId, OutputStream out) throws IOException {
		write(order, photoId, false, out);
	}

	/**
	 * Writes one photo of an order as sold, as shot (the original untouched) or enhanced
	 * (made again from the original with the event's automatic edit; the caller checks
	 * {@link #enhanceable} and limits how often).
	 * @param order a downloadable order
	 * @param photoId one of its photos
	 * @param enhanced whether with the automatic edit
	 * @param out where to write
	 * @throws IOException when the store or the client fails
	 */
	public void write(Order order, UUID photoId, boolean enhanced, OutputStream out) throws IOException {
		try (InputStream original = this.photos.openOriginal(photoId)
			.orElseThrow(() -> new IOException("The original of photo " + photoId + " is gone"))) {
			switch (order.resolution()) {
				case ORIGINAL -> {
					if (enhanced) {
						out.write(SoldImages.enhancedOriginal(original.readAllBytes()));
					}
					else {
						original.transferTo(out);
					}
				}
				case WEB -> out.write(SoldImages.web(original.readAllBytes(), enhanced));
				case FRAMED -> {
					Event event = this.events.get(order.eventId()).orElseThrow();
					String text = (event.sponsorText() != null && !event.sponsorText().isBlank()) ? event.sponsorText()
							: event.name();
					out.write(SoldImages.framed(original.readAllBytes(), text, event.primaryColor(), enhanced));
				}
			}
		}
	}

	/**
	 * Writes a ZIP of the whole order, one photo after the other: nothing is built in
	 * memory or on disk first.
	 * @param order a downloadable order
	 * @param out where to write
	 * @throws IOException when the store or the client fails
	 */
	public void zip(Order order, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out);
		// JPEGs do not shrink: store them as they are, and spend no CPU trying.
		zip.setLevel(Deflater.NO_COMPRESSION);
		Set<String> names = new HashSet<>();
		for (OrderItem item : this.orderRepository.items(order.id())) {
			String name = soldFile(order, item.photoId()).name();
			String unique = name;
			for (int n = 2; !names.add(unique); n++) {
				int dot = name.lastIndexOf('.');
				unique = (dot > 0) ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
			}
			zip.putNextEntry(new ZipEntry(unique));
			write(order, item.photoId(), zip);
			zip.closeEntry();
		}
		zip.finish();
		zip.flush();
	}

	/**
	 * The secret key of an order, that opens its page: derived from the signing key, so
	 * that it is never stored and the e-mails can always give it.
	 * @param orderId the order
	 * @return the key
	 */
	public String orderKey(UUID orderId) {
		return keys().orderKey(orderId);
	}

	/**
	 * Whether a key is the key of an order under the signing key or a previous one
	 * (compared in constant time).
	 * @param orderId the order
	 * @param key the key given
	 * @return true when it opens the order
	 */
	public boolean keyOpens(UUID orderId, String key) {
		return keys().orderKeyOpens(orderId, key);
	}

	private DownloadKeys keys() {
		DownloadKeys current = this.keys;
		if (current == null) {
			current = new DownloadKeys(List.of(this.shopSecretRepository.secret()));
			this.keys = current;
		}
		return current;
	}

	/**
	 * A photo as it is downloaded.
	 *
	 * @param name the file name
	 * @param contentType its media type
	 * @param size its size in bytes, or -1 when known only once written
	 */
	public record SoldFile(String name, String contentType, long size) {

	}

	/**
	 * The links of an order.
	 *
	 * @param photos one per photo
	 * @param zipUrl the whole order as a ZIP
	 * @param zipPath the same, from this site's root (for its own pages)
	 * @param expiresAt when they stop working
	 */
	public record Links(List<Link> photos, String zipUrl, String zipPath, Instant expiresAt) {

	}

	/**
	 * The link of one photo.
	 *
	 * @param photoId the photo
	 * @param url the signed link
	 * @param path the same, from this site's root (for its own pages)
	 * @param expiresAt when it stops working
	 */
	public record Link(UUID photoId, String url, String path, Instant expiresAt) {

	}

	/**
	 * Why a link does not work.
	 */
	public enum Reason {

		/** Not a link of this order: changed, or of another order. */
		WRONG,
		/** Too old. */
		EXPIRED,
		/** The order was refunded. */
		REFUNDED,
		/** The buyer's bank disputes the payment. */
		DISPUTED

	}

	/**
	 * A link that does not open.
	 */
	public static class RefusedException extends RuntimeException {

		private final Reason reason;

		public RefusedException(Reason reason) {
			super("Download refused: " + reason);
			this.reason = reason;
		}

		public Reason reason() {
			return this.reason;
		}

	}

}

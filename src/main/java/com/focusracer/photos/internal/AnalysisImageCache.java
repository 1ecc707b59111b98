package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.focusracer.photos.PhotoDeleted;

import org.springframework.context.event.EventListener;

/**
 * Encoding the analysis image to JPEG, storing it and decoding it again in each
 * recognition stage cost more than the rest of {@code derive}: so the node that derived a
 * photo keeps its analysis image in memory for the stages that follow a few seconds
 * later. It is only a cache, bounded by memory and time: on a miss (another node runs the
 * stage, the node restarted, the image was evicted) the image is made again from the
 * original, exactly as {@code derive} made it, so no node ever depends on another's
 * memory.
 */
class AnalysisImageCache {

	// Hand-written, not Caffeine: Caffeine's size bound admits a new entry only if it is
	// used more often than the one it would evict (TinyLFU). Here every image is made
	// once and read by the next stages: the images already read won, each newly derived
	// one was dropped at once, and the pipeline bench re-decoded 45 of 48 originals. What
	// this workload needs is plain least-recently-used order by bytes, which a
	// LinkedHashMap gives.
	private final LinkedHashMap<UUID, Entry> images = new LinkedHashMap<>(16, 0.75f, true);

	private final long maxBytes;

	private final Duration expiry;

	private final Clock clock;

	private final Counter misses;

	private long bytes;

	private record Entry(BufferedImage image, long bytes, Instant made) {
	}

	/**
	 * A cache.
	 * @param maxBytes the most memory the images may take (4 bytes a pixel)
	 * @param expiry how long an image is kept after it was made
	 */
	AnalysisImageCache(long maxBytes, Duration expiry) {
		this(maxBytes, expiry, new SimpleMeterRegistry());
	}

	/**
	 * A cache that counts its misses ({@code focusracer.photos.analysis-cache.misses}:
	 * each one decoded an original again).
	 * @param maxBytes the most memory the images may take (4 bytes a pixel)
	 * @param expiry how long an image is kept after it was made
	 * @param meters where the misses are counted
	 */
	AnalysisImageCache(long maxBytes, Duration expiry, MeterRegistry meters) {
		this.misses = meters.counter("focusracer.photos.analysis-cache.misses");
		this.maxBytes = maxBytes;
		this.expiry = expiry;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Keeps a photo's analysis image, replacing the one of an earlier derive.
	 * @param photoId the photo
	 * @param image its upright, unwatermarked image, which nobody draws on any more
	 */
	synchronized void put(UUID photoId, BufferedImage image) {
		remove(photoId);
		long size = bytes(image);
		if (size > this.maxBytes) {
			return;
		}
		Instant now = this.clock.instant();
		this.images.values().removeIf((entry) -> {
			boolean expired = entry.made().plus(this.expiry).isBefore(now);
			if (expired) {
				this.bytes -= entry.bytes();
			}
			return expired;
		});
		this.images.put(photoId, new Entry(image, size, now));
		this.bytes += size;
		Iterator<Entry> eldest = this.images.values().iterator();
		while (this.bytes > this.maxBytes && eldest.hasNext()) {
			this.bytes -= eldest.next().bytes();
			eldest.remove();
		}
	}

	/**
	 * A photo's analysis image, made again when this node does not have it.
	 * @param photoId the photo
	 * @param maker makes the image from the original
	 * @return the image
	 * @throws IOException when it has to be made and that fails
	 */
	BufferedImage get(UUID photoId, Maker maker) throws IOException {
		BufferedImage image = present(photoId);
		if (image == null) {
			this.misses.increment();
			image = maker.make();
			put(photoId, image);
		}
		return image;
	}

	/**
	 * Forgets a photo's image.
	 * @param photoId the photo
	 */
	synchronized void invalidate(UUID photoId) {
		remove(photoId);
	}

	private void remove(UUID photoId) {
		Entry gone = this.images.remove(photoId);
		if (gone != null) {
			this.bytes -= gone.bytes();
		}
	}

	private synchronized BufferedImage present(UUID photoId) {
		Entry entry = this.images.get(photoId);
		if (entry == null) {
			return null;
		}
		if (entry.made().plus(this.expiry).isBefore(this.clock.instant())) {
			remove(photoId);
			return null;
		}
		return entry.image();
	}

	@EventListener
	void on(PhotoDeleted deleted) {
		invalidate(deleted.photoId());
	}

	/**
	 * Whether this node has a photo's image.
	 * @param photoId the photo
	 * @return whether it is kept
	 */
	boolean holds(UUID photoId) {
		return present(photoId) != null;
	}

	/**
	 * The memory the images take now.
	 * @return bytes
	 */
	synchronized long bytes() {
		return this.bytes;
	}

	private static long bytes(BufferedImage image) {
		return 4L * image.getWidth() * image.getHeight();
	}

	/**
	 * Makes an analysis image from the original.
	 */
	@FunctionalInterface
	interface Maker {

		BufferedImage make() throws IOException;

	}

}

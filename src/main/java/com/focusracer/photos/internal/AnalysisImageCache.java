package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

	private final Cache<UUID, BufferedImage> images;

	private final Counter misses;

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
		this.images = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((UUID id, BufferedImage image) -> (int) Math.min(Integer.MAX_VALUE, bytes(image)))
			.expireAfterWrite(expiry)
			.build();
	}

	/**
	 * Keeps a photo's analysis image, replacing the one of an earlier derive.
	 * @param photoId the photo
	 * @param image its upright, unwatermarked image, which nobody draws on any more
	 */
	void put(UUID photoId, BufferedImage image) {
		this.images.put(photoId, image);
	}

	/**
	 * A photo's analysis image, made again when this node does not have it.
	 * @param photoId the photo
	 * @param maker makes the image from the original
	 * @return the image
	 * @throws IOException when it has to be made and that fails
	 */
	BufferedImage get(UUID photoId, Maker maker) throws IOException {
		BufferedImage image = this.images.getIfPresent(photoId);
		if (image == null) {
			this.misses.increment();
			image = maker.make();
			this.images.put(photoId, image);
		}
		return image;
	}

	/**
	 * Forgets a photo's image.
	 * @param photoId the photo
	 */
	void invalidate(UUID photoId) {
		this.images.invalidate(photoId);
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
		return this.images.getIfPresent(photoId) != null;
	}

	/**
	 * The memory the images take now.
	 * @return bytes
	 */
	long bytes() {
		this.images.cleanUp();
		return this.images.asMap().values().stream().mapToLong(AnalysisImageCache::bytes).sum();
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

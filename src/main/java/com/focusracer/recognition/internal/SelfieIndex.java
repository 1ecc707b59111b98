package com.focusracer.recognition.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every stored face of an event, in memory, for selfie search: 512 bytes per face
 * (embeddings quantised to 8 bits), so 50,000 faces take 25 MB and are all compared in a
 * few tens of milliseconds. New faces are read on each search (only those stored since
 * the last read), the whole event again every half hour (faces of re-processed photos),
 * and an event unused for ten minutes is dropped.
 */
@Component
public class SelfieIndex {

	/**
	 * Embedding values stay within ±0.3 (512 L2-normalised dimensions): 400 steps per
	 * unit keep the dot product within 0.002 of the float one.
	 */
	static final float SCALE = 400f;

	/**
	 * Faces may commit a little after their {@code created_at}: the ids of that much are
	 * read again (ids only; the embeddings of unknown ones).
	 */
	private static final Duration OVERLAP = Duration.ofMinutes(1);

	private static final Duration FULL_RELOAD = Duration.ofMinutes(30);

	private static final Duration IDLE = Duration.ofMinutes(10);

	private final SelfieFaces repository;

	private final Clock clock;

	private final Map<UUID, EventFaces> events = new ConcurrentHashMap<>();

	SelfieIndex(SelfieFaces repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * An embedding in 8 bits per value, as stored for selfie search.
	 * @param embedding an L2-normalised embedding
	 * @return one byte per value
	 */
	public static byte[] quantize(float[] embedding) {
		byte[] bytes = new byte[embedding.length];
		for (int i = 0; i < embedding.length; i++) {
			bytes[i] = (byte) Math.max(-127, Math.min(127, Math.round(embedding[i] * SCALE)));
		}
		return bytes;
	}

	/**
	 * The best similarity of the query with the faces of each photo of the event.
	 * @param eventId the event
	 * @param query an L2-normalised embedding
	 * @param minimum the lowest cosine similarity kept
	 * @return similarity by photo, only photos at or above the minimum
	 */
	public Map<UUID, Double> search(UUID eventId, float[] query, double minimum) {
		EventFaces faces = this.events.computeIfAbsent(eventId, (id) -> new EventFaces());
		synchronized (faces) {
			faces.refresh(eventId);
			return faces.search(query, minimum);
		}
	}

	/**
	 * Reads an event's new faces now, so that the next search does not wait for them.
	 * @param eventId the event
	 */
	public void warm(UUID eventId) {
		EventFaces faces = this.events.computeIfAbsent(eventId, (id) -> new EventFaces());
		synchronized (faces) {
			faces.refresh(eventId);
		}
	}

	/**
	 * Forgets an event's faces (they were deleted).
	 * @param eventId the event
	 */
	public void forget(UUID eventId) {
		this.events.remove(eventId);
	}

	/** Drops the faces of events nobody searched lately. */
	@Scheduled(fixedDelay = 60_000)
	void dropIdle() {
		Instant limit = this.clock.instant().minus(IDLE);
		this.events.values().removeIf((faces) -> faces.usedAt.isBefore(limit));
	}

	int size(UUID eventId) {
		EventFaces faces = this.events.get(eventId);
		return (faces != null) ? faces.count : 0;
	}

	private final class EventFaces {

		private UUID[] photos = new UUID[0];

		private byte[] vectors = new byte[0];

		private int count;

		private int dimensions;

		private final Set<UUID> known = new HashSet<>();

		private Instant readUpTo = Instant.EPOCH;

		private Instant fullAt = Instant.EPOCH;

		private volatile Instant usedAt = Instant.EPOCH;

		void refresh(UUID eventId) {
			Instant now = SelfieIndex.this.clock.instant();
			this.usedAt = now;
			if (this.fullAt.plus(FULL_RELOAD).isBefore(now)) {
				this.photos = new UUID[0];
				this.vectors = new byte[0];
				this.count = 0;
				this.known.clear();
				this.readUpTo = Instant.EPOCH;
				this.fullAt = now;
			}
			Instant since = this.readUpTo.equals(Instant.EPOCH) ? Instant.EPOCH : this.readUpTo.minus(OVERLAP);
			java.util.List<UUID> unknown = new java.util.ArrayList<>();
			SelfieIndex.this.repository.faceIdsSince(eventId, since).forEach((faceId, createdAt) -> {
				if (createdAt.isAfter(this.readUpTo)) {
					this.readUpTo = createdAt;
				}
				if (!this.known.contains(faceId)) {
					unknown.add(faceId);
				}
			});
			SelfieIndex.this.repository.quantisedFaces(unknown, (faceId, photoId, quantised) -> {
				if (this.known.add(faceId)) {
					add(photoId, quantised);
				}
			});
		}

		private void add(UUID photoId, byte[] embedding) {
			if (this.dimensions == 0) {
				this.dimensions = embedding.length;
			}
			if (embedding.length != this.dimensions) {
				return;
			}
			if (this.count == this.photos.length) {
				int capacity = Math.max(256, this.count * 2);
				this.photos = Arrays.copyOf(this.photos, capacity);
				this.vectors = Arrays.copyOf(this.vectors, capacity * this.dimensions);
			}
			this.photos[this.count] = photoId;
			System.arraycopy(embedding, 0, this.vectors, this.count * this.dimensions, this.dimensions);
			this.count++;
		}

		Map<UUID, Double> search(float[] query, double minimum) {
			Map<UUID, Double> best = new HashMap<>();
			if (query.length != this.dimensions) {
				return best;
			}
			byte[] data = this.vectors;
			for (int face = 0; face < this.count; face++) {
				int offset = face * this.dimensions;
				float dot = 0;
				for (int i = 0; i < this.dimensions; i++) {
					dot += query[i] * data[offset + i];
				}
				double cosine = dot / SCALE;
				if (cosine >= minimum) {
					best.merge(this.photos[face], cosine, Math::max);
				}
			}
			return best;
		}

	}

}

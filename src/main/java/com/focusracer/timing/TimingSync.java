package com.focusracer.timing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.focusracer.photos.PhotoDeleted;
import com.focusracer.timing.internal.TimingRepository;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timing as the other modules use it: a camera's clock offset (estimated from the anchors
 * recognition gives), the spot of a photo, the runners whose passage is near a photo's
 * corrected time, and a runner's passages at the spots (search by time). Never reads
 * another module's tables.
 */
@Service
@Transactional
public class TimingSync {

	/** Splits and estimates are reused this long while photos pour in. */
	static final Duration CACHE = Duration.ofMinutes(1);

	/** Search by time shows the photos this long either side of the passage. */
	static final Duration AROUND = Duration.ofSeconds(90);

	private final TimingRepository repository;

	private final TimingProperties properties;

	private final Clock clock;

	private final Map<UUID, Cached<Map<String, List<Passages.Split>>>> splits = new ConcurrentHashMap<>();

	private final Map<String, Cached<ClockOffset>> offsets = new ConcurrentHashMap<>();

	private record Cached<T>(T value, Instant at) {
	}

	TimingSync(TimingRepository repository, TimingProperties properties, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Whether an event has passings at all (else nothing here applies).
	 * @param eventId the event
	 * @return true when it has
	 */
	@Transactional(readOnly = true)
	public boolean hasTiming(UUID eventId) {
		return !splits(eventId).isEmpty();
	}

	/**
	 * A camera's clock offset: the photographer's when set, else estimated from the
	 * anchors (at most once a minute), else the estimate over all their cameras.
	 * @param eventId the event
	 * @param photographerId the photographer
	 * @param cameraSerial the camera ({@code ""} or {@code null} when unknown)
	 * @param anchors the event's anchors (read only when an estimate is due)
	 * @return the offset (unknown when neither set nor estimable)
	 */
	public ClockOffset offset(UUID eventId, UUID photographerId, String cameraSerial, Supplier<List<Anchor>> anchors) {
		String serial = (cameraSerial != null) ? cameraSerial : "";
		ClockOffset offset = cachedOffset(eventId, photographerId, serial, anchors);
		if (!offset.known() && !serial.isEmpty()) {
			return cachedOffset(eventId, photographerId, "", anchors);
		}
		return offset;
	}

	private ClockOffset cachedOffset(UUID eventId, UUID photographerId, String serial, Supplier<List<Anchor>> anchors) {
		String key = eventId + "/" + photographerId + "/" + serial;
		Instant now = this.clock.instant();
		Cached<ClockOffset> cached = this.offsets.get(key);
		if (cached != null && cached.at().plus(CACHE).isAfter(now)) {
			return cached.value();
		}
		ClockOffset offset = estimate(eventId, photographerId, serial, anchors.get());
		this.offsets.put(key, new Cached<>(offset, now));
		return offset;
	}

	/**
	 * Estimates a camera's offset now and stores it with its anchors.
	 * @param eventId the event
	 * @param photographerId the photographer
	 * @param serial the camera ({@code ""}: all the photographer's cameras)
	 * @param anchors the event's anchors
	 * @return the offset, with the photographer's override if any
	 */
	public ClockOffset estimate(UUID eventId, UUID photographerId, String serial, List<Anchor> anchors) {
		Map<String, List<Passages.Split>> splits = splits(eventId);
		List<Spot> spots = this.repository.spots(eventId)
			.stream()
			.filter((s) -> s.photographerId().equals(photographerId))
			.toList();
		Double override = this.repository.offset(eventId, photographerId, serial)
			.map(ClockOffset::overrideSeconds)
			.orElse(null);
		List<ClockOffsets.Residual> residuals = new ArrayList<>();
		List<TimingRepository.StoredAnchor> used = new ArrayList<>();
		for (Anchor anchor : anchors) {
			if (!anchor.photographerId().equals(photographerId)
					|| (!serial.isEmpty() && !serial.equals(anchor.cameraSerial())) || anchor.takenAt() == null) {
				continue;
			}
			Instant roughly = anchor.takenAt().minusMillis(Math.round(((override != null) ? override : 0) * 1000));
			Optional<Spot> spot = spotAmong(spots, roughly);
			List<Passages.Split> runner = splits.get(anchor.bib());
			if (spot.isEmpty() || runner == null) {
				continue;
			}
			Optional<Passages.Estimate> passage = Passages.at(runner, spot.get().distanceKm(),
					this.properties.uncertaintyShare());
			if (passage.isEmpty()) {
				continue;
			}
			double residual = (anchor.takenAt().toEpochMilli() - passage.get().at().toEpochMilli()) / 1000.0;
			residuals.add(new ClockOffsets.Residual(anchor.takenAt().toEpochMilli() / 1000.0, residual));
			used.add(new TimingRepository.StoredAnchor(anchor.photoId(), serial, anchor.bib(), anchor.takenAt(),
					passage.get().at(), residual, false));
		}
		Optional<ClockOffsets.Estimate> estimate = ClockOffsets.estimate(residuals);
		List<TimingRepository.StoredAnchor> marked = new ArrayList<>();
		for (int i = 0; i < used.size(); i++) {
			TimingRepository.StoredAnchor a = used.get(i);
			boolean outlier = estimate.map((e) -> e.outliers()).map((o) -> o[marked.size()]).orElse(false);
			marked.add(new TimingRepository.StoredAnchor(a.photoId(), a.cameraSerial(), a.bib(), a.takenAt(),
					a.passageAt(), a.residualSeconds(), outlier));
		}
		Instant now = this.clock.instant();
		Instant reference = estimate.map((e) -> Instant.ofEpochMilli(Math.round(e.referenceSeconds() * 1000)))
			.orElse(null);
		this.repository.saveEstimate(eventId, photographerId, serial,
				estimate.map(ClockOffsets.Estimate::offsetSeconds).orElse(null),
				estimate.map(ClockOffsets.Estimate::driftPerHour).orElse(0.0), reference, residuals.size(),
				estimate.map(ClockOffsets.Estimate::dropped).orElse(0), now, marked);
		return new ClockOffset(photographerId, serial, estimate.map(ClockOffsets.Estimate::offsetSeconds).orElse(null),
				estimate.map(ClockOffsets.Estimate::driftPerHour).orElse(0.0), reference, residuals.size(),
				estimate.map(ClockOffsets.Estimate::dropped).orElse(0), override, now);
	}

	/**
	 * The runners whose estimated passage at the photographer's spot falls near the
	 * photo's corrected time.
	 * @param eventId the event
	 * @param photographerId who took the photo
	 * @param cameraSerial the camera
	 * @param takenAt the photo's EXIF time
	 * @param anchors the event's anchors, for the clock offset
	 * @return the candidates, nearest first; none without timing, spot or offset
	 */
	public List<TimingMatch.Candidate> candidates(UUID eventId, UUID photographerId, String cameraSerial,
			Instant takenAt, Supplier<List<Anchor>> anchors) {
		if (takenAt == null || !hasTiming(eventId)) {
			return List.of();
		}
		ClockOffset offset = offset(eventId, photographerId, cameraSerial, anchors);
		if (!offset.known()) {
			return List.of();
		}
		Instant real = offset.correct(takenAt);
		List<Spot> spots = this.repository.spots(eventId)
			.stream()
			.filter((s) -> s.photographerId().equals(photographerId))
			.toList();
		return spotAmong(spots, real).map((spot) -> TimingMatch.candidates(splits(eventId), spot.distanceKm(), real,
				this.properties.window(), this.properties.uncertaintyShare()))
			.orElse(List.of());
	}

	/**
	 * A runner's estimated passages at each spot, with the stretch of its photographer's
	 * camera time around each (search by time).
	 * @param eventId the event
	 * @param bib the runner
	 * @param shift how far from the passage to look (the runner browses earlier or later)
	 * @return the passages, by distance; none when the runner has no timing
	 */
	@Transactional(readOnly = true)
	public List<SpotPassage> passagesOf(UUID eventId, String bib, Duration shift) {
		List<Passages.Split> runner = splits(eventId).get(bib);
		if (runner == null) {
			return List.of();
		}
		List<ClockOffset> offsets = this.repository.offsets(eventId);
		List<SpotPassage> found = new ArrayList<>();
		for (Spot spot : this.repository.spots(eventId)) {
			Optional<Passages.Estimate> passage = Passages.at(runner, spot.distanceKm(),
					this.properties.uncertaintyShare());
			if (passage.isEmpty()
					|| (spot.startsAt() != null || spot.endsAt() != null) && !spot.holds(passage.get().at())) {
				continue;
			}
			Instant at = passage.get().at().plus(shift);
			double seconds = offsets.stream()
				.filter((o) -> o.photographerId().equals(spot.photographerId()) && o.known())
				.min(Comparator.comparing((ClockOffset o) -> !o.cameraSerial().isEmpty()))
				.map((o) -> o.secondsAt(at))
				.orElse(0.0);
			Instant camera = at.plusMillis(Math.round(seconds * 1000));
			found.add(new SpotPassage(spot, at, camera.minus(AROUND), camera.plus(AROUND)));
		}
		found.sort(Comparator.comparingDouble((SpotPassage p) -> p.spot().distanceKm()));
		return found;
	}

	static Optional<Spot> spotAmong(List<Spot> spots, Instant realTime) {
		for (Spot spot : spots) {
			if (spot.holds(realTime)) {
				return Optional.of(spot);
			}
		}
		return (spots.size() == 1) ? Optional.of(spots.get(0)) : Optional.empty();
	}

	private Map<String, List<Passages.Split>> splits(UUID eventId) {
		Instant now = this.clock.instant();
		Cached<Map<String, List<Passages.Split>>> cached = this.splits.get(eventId);
		if (cached == null || !cached.at().plus(CACHE).isAfter(now)) {
			cached = new Cached<>(this.repository.splits(eventId), now);
			this.splits.put(eventId, cached);
		}
		return cached.value();
	}

	/**
	 * Forgets what this node cached of an event once its timing changed.
	 * @param changed the change
	 */
	@EventListener
	void forget(TimingUpdated changed) {
		forget(changed.eventId());
	}

	/**
	 * Forgets what this node cached of an event's timing (splits, offsets).
	 * @param eventId the event
	 */
	public void forget(UUID eventId) {
		this.splits.remove(eventId);
		this.offsets.keySet().removeIf((key) -> key.startsWith(eventId + "/"));
	}

	@ApplicationModuleListener
	void on(PhotoDeleted deleted) {
		this.repository.deleteAnchors(List.of(deleted.photoId()));
	}

}

package com.focusracer.timing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.timing.internal.PassingFiles;
import com.focusracer.timing.internal.TimingRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's timing as its team manages it: timing points, passings imported from the
 * timing files, where each photographer stood, and the clock offsets of their cameras. An
 * import is all or nothing and replaces the passings of the points it covers.
 */
@Service
@Transactional
public class Timing {

	private final TimingRepository repository;

	private final EventManagement events;

	private final StartLists startLists;

	private final TimingProperties properties;

	private final ApplicationEventPublisher publisher;

	Timing(TimingRepository repository, EventManagement events, StartLists startLists, TimingProperties properties,
			ApplicationEventPublisher publisher) {
		this.repository = repository;
		this.events = events;
		this.startLists = startLists;
		this.properties = properties;
		this.publisher = publisher;
	}

	/**
	 * The event's timing points.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer)
	 * @return the points, by distance
	 */
	@Transactional(readOnly = true)
	public List<TimingPoint> points(UUID eventId, UUID accountId) {
		team(eventId, accountId);
		return this.repository.points(eventId);
	}

	/**
	 * Adds or renames a timing point.
	 * @param eventId the event (the caller must own it)
	 * @param accountId the caller
	 * @param pointId the point to change, or {@code null} for a new one
	 * @param name its name
	 * @param distanceKm its distance from the start
	 * @return the point's id
	 */
	public UUID savePoint(UUID eventId, UUID accountId, UUID pointId, String name, double distanceKm) {
		this.events.owned(eventId, accountId);
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty() || clean.length() > 60) {
			throw new TimingImportException("timing.point.badName");
		}
		checkDistance(distanceKm);
		if (pointId != null && this.repository.points(eventId).stream().noneMatch((p) -> p.id().equals(pointId))) {
			throw new EventNotFoundException();
		}
		if (this.repository.points(eventId)
			.stream()
			.anyMatch((p) -> p.name().equalsIgnoreCase(clean) && !p.id().equals(pointId))) {
			throw new TimingImportException("timing.point.duplicate", clean);
		}
		UUID id = (pointId != null) ? pointId : UUID.randomUUID();
		this.repository.savePoint(id, eventId, clean, distanceKm);
		this.publisher.publishEvent(new TimingUpdated(eventId));
		return id;
	}

	public void deletePoint(UUID eventId, UUID accountId, UUID pointId) {
		this.events.owned(eventId, accountId);
		if (!this.repository.deletePoint(eventId, pointId)) {
			throw new EventNotFoundException();
		}
		this.publisher.publishEvent(new TimingUpdated(eventId));
	}

	/**
	 * Imports a timing file. Each line goes to the chosen point, or, when none is chosen,
	 * to the point it names. Chips are turned into bibs through the start list.
	 * @param eventId the event (the caller must own it)
	 * @param accountId the caller
	 * @param pointId the point every line goes to, or {@code null}
	 * @param format the file's format
	 * @param content the file (the caller bounds its size)
	 * @param zone the zone of times without one, or {@code null} for the default
	 * @return what was imported
	 * @throws TimingImportException when the file or a line is bad: nothing is imported
	 */
	public TimingImport importPassings(UUID eventId, UUID accountId, UUID pointId, PassingFormat format, byte[] content,
			String zone) {
		Event event = this.events.owned(eventId, accountId);
		if (content.length > this.properties.maximumUpload()) {
			throw new TimingImportException("timing.import.tooLarge", this.properties.maximumUpload() / 1_048_576);
		}
		List<TimingPoint> points = this.repository.points(eventId);
		if (points.isEmpty()) {
			throw new TimingImportException("timing.import.noPoint");
		}
		Map<String, TimingPoint> byName = new HashMap<>();
		points.forEach((p) -> byName.put(p.name().toLowerCase(Locale.ROOT), p));
		TimingPoint chosen = (pointId == null) ? null
				: points.stream()
					.filter((p) -> p.id().equals(pointId))
					.findFirst()
					.orElseThrow(EventNotFoundException::new);
		List<PassingFiles.Line> lines = PassingFiles.read(format, content, event.date(), zone(zone));
		Map<String, String> bibOfCode = new HashMap<>();
		for (Runner runner : this.startLists.runnersOf(eventId)) {
			bibOfCode.putIfAbsent(runner.bib().toUpperCase(Locale.ROOT), runner.bib());
			if (runner.chip() != null && !runner.chip().isBlank()) {
				bibOfCode.put(runner.chip().strip().toUpperCase(Locale.ROOT), runner.bib());
			}
		}
		Map<UUID, Map<String, List<Instant>>> byPoint = new LinkedHashMap<>();
		int unknown = 0;
		List<Integer> unknownLines = new ArrayList<>();
		int kept = 0;
		for (PassingFiles.Line line : lines) {
			TimingPoint point = chosen;
			if (point == null) {
				point = (line.point() != null) ? byName.get(line.point().toLowerCase(Locale.ROOT)) : null;
				if (point == null) {
					throw new TimingImportException("timing.import.unknownPoint", line.line(),
							(line.point() != null) ? line.point() : "—");
				}
			}
			String bib = bibOfCode.get(line.code().toUpperCase(Locale.ROOT));
			if (bib == null) {
				// A spare chip, or a runner missing from the start list: skipped, and
				// said.
				unknown++;
				if (unknownLines.size() < 10) {
					unknownLines.add(line.line());
				}
				continue;
			}
			byPoint.computeIfAbsent(point.id(), (id) -> new HashMap<>())
				.computeIfAbsent(bib, (b) -> new ArrayList<>())
				.add(line.at());
			kept++;
		}
		if (kept == 0) {
			throw new TimingImportException("timing.import.noRunner");
		}
		List<String> names = new ArrayList<>();
		for (Map.Entry<UUID, Map<String, List<Instant>>> entry : byPoint.entrySet()) {
			this.repository.replacePassings(entry.getKey(), eventId, entry.getValue());
			points.stream().filter((p) -> p.id().equals(entry.getKey())).forEach((p) -> names.add(p.name()));
		}
		this.events.audit(accountId, "timing.imported", eventId,
				kept + " passages, " + String.join(", ", names) + " (" + format + ")");
		this.publisher.publishEvent(new TimingUpdated(eventId));
		return new TimingImport(kept, names, unknown, unknownLines);
	}

	/**
	 * The photographers' spots.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer)
	 * @return the spots
	 */
	@Transactional(readOnly = true)
	public List<Spot> spots(UUID eventId, UUID accountId) {
		team(eventId, accountId);
		return this.repository.spots(eventId);
	}

	/**
	 * Adds a spot. The owner sets any team photographer's; a photographer only their own.
	 * @param eventId the event
	 * @param accountId the caller
	 * @param photographerId whose spot
	 * @param distanceKm where on the course
	 * @param startsAt the window's start, or {@code null}
	 * @param endsAt the window's end, or {@code null}
	 * @return the spot
	 */
	public Spot addSpot(UUID eventId, UUID accountId, UUID photographerId, double distanceKm, Instant startsAt,
			Instant endsAt) {
		mayActFor(eventId, accountId, photographerId);
		checkDistance(distanceKm);
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new TimingImportException("timing.spot.badWindow");
		}
		Spot spot = new Spot(UUID.randomUUID(), eventId, photographerId, distanceKm, startsAt, endsAt);
		this.repository.saveSpot(spot);
		this.publisher.publishEvent(new TimingUpdated(eventId));
		return spot;
	}

	public void deleteSpot(UUID eventId, UUID accountId, UUID spotId) {
		Spot spot = this.repository.spot(spotId)
			.filter((s) -> s.eventId().equals(eventId))
			.orElseThrow(EventNotFoundException::new);
		mayActFor(eventId, accountId, spot.photographerId());
		this.repository.deleteSpot(spotId);
		this.publisher.publishEvent(new TimingUpdated(eventId));
	}

	/**
	 * The clock offsets of the team's cameras.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer)
	 * @return the offsets
	 */
	@Transactional(readOnly = true)
	public List<ClockOffset> offsets(UUID eventId, UUID accountId) {
		team(eventId, accountId);
		return this.repository.offsets(eventId);
	}

	/**
	 * The anchors a photographer's offsets rest on.
	 * @param eventId the event
	 * @param accountId the caller (owner or photographer)
	 * @param photographerId the photographer
	 * @return the anchors, by camera and time
	 */
	@Transactional(readOnly = true)
	public List<TimingRepository.StoredAnchor> anchors(UUID eventId, UUID accountId, UUID photographerId) {
		team(eventId, accountId);
		return this.repository.anchors(eventId, photographerId);
	}

	/**
	 * Sets (or clears) a camera's clock offset by hand; it wins over the estimate.
	 * @param eventId the event
	 * @param accountId the caller (owner, or the photographer)
	 * @param photographerId the photographer
	 * @param cameraSerial the camera ({@code ""}: all their cameras)
	 * @param seconds camera time − real time, or {@code null} to go back to the estimate
	 */
	public void setOffset(UUID eventId, UUID accountId, UUID photographerId, String cameraSerial, Double seconds) {
		mayActFor(eventId, accountId, photographerId);
		if (seconds != null && (seconds.isNaN() || Math.abs(seconds) > 48 * 3600)) {
			throw new TimingImportException("timing.offset.bad");
		}
		String serial = (cameraSerial != null) ? cameraSerial.strip() : "";
		if (serial.length() > 64) {
			throw new TimingImportException("timing.offset.bad");
		}
		this.repository.saveOverride(eventId, photographerId, serial, seconds);
		this.publisher.publishEvent(new TimingUpdated(eventId));
	}

	private Event team(UUID eventId, UUID accountId) {
		return this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
	}

	private void mayActFor(UUID eventId, UUID accountId, UUID photographerId) {
		Event event = team(eventId, accountId);
		boolean owner = event.ownerId().equals(accountId);
		if (!owner && !accountId.equals(photographerId)) {
			throw new EventNotFoundException();
		}
		if (!photographerId.equals(event.ownerId()) && this.events.find(eventId, photographerId).isEmpty()) {
			throw new EventNotFoundException();
		}
	}

	private static void checkDistance(double distanceKm) {
		if (Double.isNaN(distanceKm) || distanceKm < 0 || distanceKm > 1000) {
			throw new TimingImportException("timing.badDistance");
		}
	}

	private ZoneId zone(String zone) {
		try {
			return ZoneId.of((zone != null && !zone.isBlank()) ? zone.strip() : this.properties.zone());
		}
		catch (DateTimeException ex) {
			throw new TimingImportException("timing.import.badZone", zone);
		}
	}

}

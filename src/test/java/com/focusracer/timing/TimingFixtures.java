package com.focusracer.timing;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named fixtures for timing tests: a half marathon's start list with chips, its timing at
 * km 5 and km 15, photos at a spot at km 10 shot by a camera 3 min 20 s fast.
 */
@Component
public class TimingFixtures {

	/** The camera of the photographer is this fast (3 min 20 s). */
	public static final long CAMERA_AHEAD_SECONDS = 200;

	/** Runners 101 to 129 pass 37 s apart; 130 ten minutes after the others. */
	public static final int FIRST = 101;

	public static final int LAST = 130;

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final StartLists startLists;

	private final Timing timing;

	private final JdbcClient jdbc;

	TimingFixtures(StartLists startLists, Timing timing, JdbcClient jdbc) {
		this.startLists = startLists;
		this.timing = timing;
		this.jdbc = jdbc;
	}

	/** Runner {@code bib}'s chip. */
	public static String chip(int bib) {
		return "C" + bib + "X";
	}

	public void aStartListWithChips(Event event) {
		for (int bib = FIRST; bib <= LAST; bib++) {
			this.startLists.save(event.id(), event.ownerId(), new Runner(String.valueOf(bib), "Runner", "N" + bib, null,
					"SEM", null, null, null, null, chip(bib)));
		}
	}

	/** When a runner passed km 5 (real time). */
	public static Instant atKm5(Event event, int bib) {
		long offset = (bib - FIRST) * 37L + ((bib == LAST) ? 600 : 0);
		return event.date().atTime(LocalTime.of(8, 20)).atZone(PARIS).toInstant().plusSeconds(offset);
	}

	/**
	 * When a runner passed km 15: 50 min after km 5, a little slower the later they are.
	 */
	public static Instant atKm15(Event event, int bib) {
		return atKm5(event, bib).plusSeconds(3000 + (bib - FIRST) * 4L);
	}

	/** When a runner passed km 10 (half way between the two mats). */
	public static Instant atKm10(Event event, int bib) {
		return Instant.ofEpochMilli((atKm5(event, bib).toEpochMilli() + atKm15(event, bib).toEpochMilli()) / 2);
	}

	/**
	 * The timing points km 5 and km 15 and their passings, km 5 as a chip CSV, km 15 as
	 * ChronoTrack lines.
	 */
	public void theTiming(Event event) {
		UUID km5 = this.timing.savePoint(event.id(), event.ownerId(), null, "KM5", 5);
		UUID km15 = this.timing.savePoint(event.id(), event.ownerId(), null, "KM15", 15);
		StringBuilder csv = new StringBuilder("Puce;Point;Heure\n");
		StringBuilder ct = new StringBuilder();
		for (int bib = FIRST; bib <= LAST; bib++) {
			csv.append(chip(bib))
				.append(";KM5;")
				.append(atKm5(event, bib).atZone(PARIS).toOffsetDateTime())
				.append('\n');
			ct.append("CT01_13,")
				.append(bib)
				.append(",KM15,")
				.append(chip(bib))
				.append(',')
				.append(atKm15(event, bib).atZone(PARIS).toLocalTime())
				.append(",1,117F37,8\n");
		}
		this.timing.importPassings(event.id(), event.ownerId(), null, PassingFormat.CSV,
				csv.toString().getBytes(StandardCharsets.UTF_8), null);
		this.timing.importPassings(event.id(), event.ownerId(), km15, PassingFormat.CHRONOTRACK,
				ct.toString().getBytes(StandardCharsets.UTF_8), null);
	}

	/**
	 * A published photo, as the pipeline leaves it.
	 * @return its id
	 */
	public UUID aPhoto(Event event, UUID photographerId, Instant cameraTime) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into photo (id, event_id, uploader_id, file_name, sha256, size_bytes, format, width, height,
				                   status, original_key, web_key, preview_key, taken_at, camera_serial)
				values (?, ?, ?, ?, ?, 1000, 'JPEG', 1600, 1067, 'PUBLISHED', 'o', 'w', 'p', ?, 'CAM1')""")
			.params(id, event.id(), photographerId, id + ".jpg", id.toString(), Timestamp.from(cameraTime))
			.update();
		return id;
	}

	/** A photo of a runner at km 10, by the camera 3 min 20 s fast. */
	public UUID aPhotoOf(Event event, UUID photographerId, int bib, long secondsAfterPassage) {
		return aPhoto(event, photographerId,
				atKm10(event, bib).plusSeconds(CAMERA_AHEAD_SECONDS + secondsAfterPassage));
	}

	/** Recognition read a bib on a photo. */
	public void read(Event event, UUID photoId, String bib, String kind, double confidence, boolean linked) {
		this.jdbc.sql("""
				insert into bib_read (photo_id, event_id, bib, read_as, kind, confidence, box_x, box_y, box_w, box_h)
				values (?, ?, ?, ?, ?, ?, 0.4, 0.5, 0.1, 0.05)""")
			.params(photoId, event.id(), bib, bib, kind, confidence)
			.update();
		if (linked) {
			this.jdbc
				.sql("insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, ?, 'OCR', ?)")
				.params(photoId, event.id(), bib, confidence)
				.update();
		}
	}

}

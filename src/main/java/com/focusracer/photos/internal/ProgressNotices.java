package com.focusracer.photos.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.focusracer.photos.PhotoProgressed;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every node of each photo's progress through PostgreSQL ({@code NOTIFY}): inside
 * the transaction that made the change when there is one (the news leaves at its commit,
 * never for a rollback), at once otherwise. {@link ProgressListener} hears it on each
 * node.
 */
@Component
class ProgressNotices {

	private static final Logger log = LoggerFactory.getLogger(ProgressNotices.class);

	static final String CHANNEL = "focusracer_photo_progress";

	/** PostgreSQL refuses payloads of 8000 bytes or more. */
	static final int MAX_PAYLOAD_BYTES = 7_900;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ProgressNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PhotoProgressed progressed) {
		try {
			this.jdbc.sql("select pg_notify(?, ?)").param(CHANNEL).param(payload(progressed)).query((row) -> {
			});
		}
		catch (DataAccessException ex) {
			// Live pages miss one step; the photo's stage itself is done and recorded.
			log.warn("Could not announce that photo {} of event {} reached {}", progressed.photoId(),
					progressed.eventId(), progressed.stage(), ex);
		}
	}

	/**
	 * The notice's text: the progress as JSON, its file name (then stage) shortened until
	 * it fits.
	 * @param progressed the progress
	 * @return at most {@link #MAX_PAYLOAD_BYTES} bytes of UTF-8
	 */
	static String payload(PhotoProgressed progressed) {
		PhotoProgressed fitted = progressed;
		String payload = JSON.writeValueAsString(fitted);
		int excess;
		while ((excess = payload.getBytes(StandardCharsets.UTF_8).length - MAX_PAYLOAD_BYTES) > 0) {
			fitted = (fitted.fileName() != null && !fitted.fileName().isEmpty())
					? new PhotoProgressed(fitted.eventId(), fitted.photoId(), shorten(fitted.fileName(), excess),
							fitted.stage())
					: new PhotoProgressed(fitted.eventId(), fitted.photoId(), fitted.fileName(),
							shorten(fitted.stage(), excess));
			payload = JSON.writeValueAsString(fitted);
		}
		return payload;
	}

	/**
	 * Reads a notice.
	 * @param payload the notice's text
	 * @return the progress, empty when the text is not one
	 */
	static Optional<PhotoProgressed> read(String payload) {
		try {
			PhotoProgressed progressed = JSON.readValue(payload, PhotoProgressed.class);
			if (progressed.eventId() == null || progressed.photoId() == null || progressed.stage() == null) {
				return Optional.empty();
			}
			return Optional.of((progressed.fileName() != null) ? progressed
					: new PhotoProgressed(progressed.eventId(), progressed.photoId(), "", progressed.stage()));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Drops whole code points from the end of a text until at least {@code excess} bytes
	 * of UTF-8 are gone, and marks the cut (3 bytes).
	 */
	private static String shorten(String text, int excess) {
		int end = text.length();
		int dropped = 0;
		while (end > 0 && dropped < excess + 3) {
			int codePoint = text.codePointBefore(end);
			dropped += (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			end -= Character.charCount(codePoint);
		}
		return (end == 0) ? "" : text.substring(0, end) + "…";
	}

}

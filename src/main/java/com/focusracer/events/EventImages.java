package com.focusracer.events;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's logo (drawn in the watermark) and cover (shown on its pages). Uploaded
 * images are decoded, scaled and re-encoded, so that no uploaded byte (nor its metadata)
 * is ever served as is.
 */
@Service
@Transactional
public class EventImages {

	/**
	 * The two images an event may have.
	 */
	public enum Kind {

		/** PNG with transparency, at most 600 px. */
		LOGO(600, "png", "image/png"),
		/** JPEG, at most 1600 px. */
		COVER(1600, "jpeg", "image/jpeg");

		private final int maxSide;

		private final String format;

		private final String contentType;

		Kind(int maxSide, String format, String contentType) {
			this.maxSide = maxSide;
			this.format = format;
			this.contentType = contentType;
		}

		public String contentType() {
			return this.contentType;
		}

	}

	static final int MAX_BYTES = 5_000_000;

	private final JdbcClient jdbc;

	private final EventManagement events;

	private final Clock clock;

	EventImages(JdbcClient jdbc, EventManagement events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Sets an event's logo or cover.
	 * @param eventId the event
	 * @param ownerId its owner
	 * @param kind logo or cover
	 * @param bytes the uploaded image (JPEG or PNG, at most 5 MB)
	 */
	public void set(UUID eventId, UUID ownerId, Kind kind, byte[] bytes) {
		this.events.owned(eventId, ownerId);
		if (bytes.length > MAX_BYTES) {
			throw new EventException("event.image.tooLarge", MAX_BYTES / 1_000_000);
		}
		BufferedImage image;
		try {
			image = ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException | RuntimeException ex) {
			image = null;
		}
		if (image == null || image.getWidth() > 10_000 || image.getHeight() > 10_000) {
			throw new EventException("event.image.unreadable");
		}
		byte[] stored = encode(scale(image, kind), kind);
		this.jdbc.sql("""
				insert into event_image (event_id, kind, content_type, content, updated_at) values (?, ?, ?, ?, ?)
				on conflict (event_id, kind) do update set content_type = excluded.content_type,
				    content = excluded.content, updated_at = excluded.updated_at""")
			.params(eventId, kind.name(), kind.contentType(), stored, Timestamp.from(this.clock.instant()))
			.update();
	}

	public void remove(UUID eventId, UUID ownerId, Kind kind) {
		this.events.owned(eventId, ownerId);
		this.jdbc.sql("delete from event_image where event_id = ? and kind = ?").params(eventId, kind.name()).update();
	}

	/**
	 * An event's image, for any module that needs it (the watermark, public pages).
	 * @param eventId the event
	 * @param kind logo or cover
	 * @return the encoded image
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> get(UUID eventId, Kind kind) {
		return this.jdbc.sql("select content from event_image where event_id = ? and kind = ?")
			.params(eventId, kind.name())
			.query(byte[].class)
			.optional();
	}

	private static BufferedImage scale(BufferedImage image, Kind kind) {
		double ratio = Math.min(1.0, (double) kind.maxSide / Math.max(image.getWidth(), image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * ratio));
		int height = Math.max(1, (int) Math.round(image.getHeight() * ratio));
		BufferedImage target = new BufferedImage(width, height,
				(kind == Kind.LOGO) ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		if (kind == Kind.COVER) {
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, width, height);
		}
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return target;
	}

	private static byte[] encode(BufferedImage image, Kind kind) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, kind.format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new EventException("event.image.unreadable");
		}
	}

}

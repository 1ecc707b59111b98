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
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.focusracer.shared.images.ImageInspector;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's logo (drawn in the watermark) and cover (shown on its pages). Uploaded
 * images are checked from their header first (a pixel flood is refused before any pixel
 * is decoded), then decoded, scaled and re-encoded, so that no uploaded byte (nor its
 * metadata) is ever served as is.
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

	/** The largest file accepted, checked before it is read. */
	public static final int MAX_BYTES = 5_000_000;

	/** The longest side accepted, checked from the header before any pixel is decoded. */
	static final int MAX_SIDE = 10_000;

	private final JdbcClient jdbc;

	private final EventManagement events;

	private final Clock clock;

	EventImages(JdbcClient jdbc, EventManagement events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * An uploaded image checked, decoded, scaled and re-encoded, ready to be stored.
	 *
	 * @param kind logo or cover
	 * @param content the re-encoded image
	 */
	public record Prepared(Kind kind, byte[] content) {
	}

	/**
	 * Sets an event's logo or cover.
	 * @param eventId the event
	 * @param ownerId its owner
	 * @param kind logo or cover
	 * @param bytes the uploaded image (JPEG or PNG, at most 5 MB)
	 */
	public void set(UUID eventId, UUID ownerId, Kind kind, byte[] bytes) {
		store(eventId, ownerId, prepare(kind, bytes));
	}

	/**
	 * Says whether a file of this size may be sent, before it is read.
	 * @param kind logo or cover
	 * @param size the file's size in bytes
	 * @throws EventException when it is too large
	 */
	public static void checkSize(Kind kind, long size) {
		if (size > MAX_BYTES) {
			throw new EventException("event.image.tooLarge", label(kind), MAX_BYTES / 1_000_000);
		}
	}

	/**
	 * Checks an uploaded image and re-encodes it, without storing anything: a form can
	 * check its images before it creates or changes the event. The header is read first,
	 * so that a file claiming millions of pixels is refused before any is decoded; the
	 * image is then decoded at no more than twice the size it is stored at.
	 * @param kind logo or cover
	 * @param bytes the uploaded image
	 * @return the image to store
	 * @throws EventException when the file is too large, not a JPEG or PNG, or too wide
	 */
	public Prepared prepare(Kind kind, byte[] bytes) {
		checkSize(kind, bytes.length);
		ImageInspector.Header header;
		try {
			header = ImageInspector.inspect(bytes);
		}
		catch (ImageInspector.UnsupportedImageException ex) {
			throw new EventException("event.image.unreadable", label(kind));
		}
		if (header.longestSide() > MAX_SIDE) {
			throw new EventException("event.image.tooWide", label(kind), header.width(), header.height(), MAX_SIDE);
		}
		BufferedImage image = decode(header, bytes, kind);
		if (image == null) {
			throw new EventException("event.image.unreadable", label(kind));
		}
		return new Prepared(kind, encode(scale(image, kind), kind));
	}

	/**
	 * Stores a prepared image as the event's logo or cover.
	 * @param eventId the event
	 * @param ownerId its owner
	 * @param image the image
	 */
	public void store(UUID eventId, UUID ownerId, Prepared image) {
		this.events.owned(eventId, ownerId);
		this.jdbc.sql("""
				insert into event_image (event_id, kind, content_type, content, updated_at) values (?, ?, ?, ?, ?)
				on conflict (event_id, kind) do update set content_type = excluded.content_type,
				    content = excluded.content, updated_at = excluded.updated_at""")
			.params(eventId, image.kind().name(), image.kind().contentType(), image.content(),
					Timestamp.from(this.clock.instant()))
			.update();
	}

	private static BufferedImage decode(ImageInspector.Header header, byte[] bytes, Kind kind) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			ImageReader reader = ImageInspector.readerFor(header);
			try {
				reader.setInput(input, true, true);
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, header.longestSide() / (2 * kind.maxSide));
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static MessageSourceResolvable label(Kind kind) {
		return new DefaultMessageSourceResolvable("event.image." + kind.name());
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
			throw new EventException("event.image.unreadable", label(kind));
		}
	}

}

package com.focusracer.photos.internal;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.WeakHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The watermark is what makes a gallery photo worth buying rather than screenshotting:
 * the event's text tiled diagonally across the whole image so that no crop escapes it,
 * the event's logo between the texts, and the sponsor's band in a corner. Laying out and
 * filling a hundred text outlines costs more than the rest of the web version but is the
 * same for every photo of an event in the same size: so it is rendered once per branding
 * and size into a transparent overlay, kept in a small cache, and each photo gets one
 * composite.
 */
final class Watermark {

	private static final Color DEFAULT_BAND = new Color(0x1D2330);

	/**
	 * An event's camera bodies give a few sizes (landscape, portrait, crops) of web
	 * versions (7 MB of overlay each) and previews; a few events run at once.
	 */
	private static final Cache<Key, BufferedImage> OVERLAYS = Caffeine.newBuilder()
		.maximumWeight(96L * 1024 * 1024)
		.weigher((Key key, BufferedImage overlay) -> 4 * overlay.getWidth() * overlay.getHeight())
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	/**
	 * Empties the overlay cache (tests: a full cache may refuse a new overlay, since
	 * Caffeine admits an entry only when it is likely to be used more than the one it
	 * would evict).
	 */
	static void forgetOverlays() {
		OVERLAYS.invalidateAll();
		OVERLAYS.cleanUp();
	}

	/** Logos are decoded again for each photo: the same pixels give the same key. */
	private static final Map<BufferedImage, String> LOGO_FINGERPRINTS = Collections
		.synchronizedMap(new WeakHashMap<>());

	private Watermark() {
	}

	/**
	 * What makes two overlays the same.
	 *
	 * @param text the tiled text
	 * @param sponsor the sponsor line
	 * @param color the band's colour
	 * @param logo the SHA-256 of the logo's size and pixels, {@code ""} without one
	 * @param width the image's width
	 * @param height the image's height
	 */
	record Key(String text, String sponsor, String color, String logo, int width, int height) {
	}

	/**
	 * Draws the watermark onto an image, from the overlay of its branding and size.
	 * @param image the image, drawn on
	 * @param branding what to draw
	 * @return the image
	 */
	static BufferedImage apply(BufferedImage image, Derivatives.Branding branding) {
		BufferedImage overlay = overlay(branding, image.getWidth(), image.getHeight());
		Graphics2D g = image.createGraphics();
		g.drawImage(overlay, 0, 0, null);
		g.dispose();
		return image;
	}

	/**
	 * Draws the watermark straight onto an image, shape by shape, as {@link #apply} did
	 * before overlays: what the overlay must look like.
	 * @param image the image, drawn on
	 * @param branding what to draw
	 * @return the image
	 */
	static BufferedImage applyDirectly(BufferedImage image, Derivatives.Branding branding) {
		Graphics2D g = image.createGraphics();
		paint(g, image.getWidth(), image.getHeight(), branding);
		g.dispose();
		return image;
	}

	/**
	 * The watermark alone, on a transparent image, rendered once per branding and size.
	 * @param branding what to draw
	 * @param width the image's width
	 * @param height the image's height
	 * @return the overlay (premultiplied ARGB), shared: never draw on it
	 */
	static BufferedImage overlay(Derivatives.Branding branding, int width, int height) {
		Key key = new Key(branding.text(), branding.sponsor(), branding.color(), fingerprint(branding.logo()), width,
				height);
		return OVERLAYS.get(key, (k) -> {
			BufferedImage overlay = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
			Graphics2D g = overlay.createGraphics();
			paint(g, width, height, branding);
			g.dispose();
			return overlay;
		});
	}

	private static String fingerprint(BufferedImage logo) {
		if (logo == null) {
			return "";
		}
		return LOGO_FINGERPRINTS.computeIfAbsent(logo, (image) -> {
			int w = image.getWidth();
			int h = image.getHeight();
			int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
			ByteBuffer bytes = ByteBuffer.allocate(8 + pixels.length * 4);
			bytes.putInt(w).putInt(h).asIntBuffer().put(pixels);
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static void paint(Graphics2D g, int w, int h, Derivatives.Branding branding) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		int fontSize = Math.max(12, Math.min(w, h) / 14);
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
		g.setFont(font);
		FontMetrics metrics = g.getFontMetrics();
		String text = branding.text();
		int textWidth = Math.max(1, metrics.stringWidth(text));
		int stepX = textWidth + fontSize * 2;
		int stepY = fontSize * 4;
		double diagonal = Math.hypot(w, h);
		AffineTransform saved = g.getTransform();
		g.rotate(-Math.PI / 6, w / 2.0, h / 2.0);
		TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
		g.setStroke(new BasicStroke(Math.max(1f, fontSize / 14f)));
		int row = 0;
		for (double y = h / 2.0 - diagonal; y < h / 2.0 + diagonal; y += stepY, row++) {
			double offset = (row % 2 == 0) ? 0 : stepX / 2.0;
			for (double x = w / 2.0 - diagonal - offset; x < w / 2.0 + diagonal; x += stepX) {
				AffineTransform at = AffineTransform.getTranslateInstance(x, y);
				Shape outline = layout.getOutline(at);
				g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.22f));
				g.setColor(Color.BLACK);
				g.draw(outline);
				g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.38f));
				g.setColor(Color.WHITE);
				g.fill(outline);
				if (branding.logo() != null) {
					// The logo sits between two texts of the row, as high as the text.
					int logoHeight = fontSize * 2;
					int logoWidth = Math.max(1, branding.logo().getWidth() * logoHeight / branding.logo().getHeight());
					g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
					g.drawImage(branding.logo(), (int) (x + textWidth + fontSize * 0.2), (int) (y - logoHeight * 0.75),
							Math.min(logoWidth, fontSize * 4), logoHeight, null);
				}
			}
		}
		g.setTransform(saved);
		if (branding.sponsor() != null && !branding.sponsor().isBlank()) {
			int bandHeight = Math.max(16, h / 18);
			g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.75f));
			g.setColor(parse(branding.color()));
			g.fillRect(0, h - bandHeight, w, bandHeight);
			g.setComposite(AlphaComposite.SrcOver);
			g.setColor(Color.WHITE);
			Font small = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, bandHeight * 3 / 5));
			g.setFont(small);
			FontMetrics sm = g.getFontMetrics();
			g.drawString(branding.sponsor(), w - sm.stringWidth(branding.sponsor()) - bandHeight / 2,
					h - (bandHeight - sm.getAscent()) / 2 - sm.getDescent() / 2);
		}
	}

	private static Color parse(String color) {
		try {
			return (color != null) ? Color.decode(color) : DEFAULT_BAND;
		}
		catch (NumberFormatException ex) {
			return DEFAULT_BAND;
		}
	}

}

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

/**
 * The watermark is what makes a gallery photo worth buying rather than screenshotting:
 * the event's text tiled diagonally across the whole image so that no crop escapes it,
 * the event's logo between the texts, and the sponsor's band in a corner.
 */
final class Watermark {

	private static final Color DEFAULT_BAND = new Color(0x1D2330);

	private Watermark() {
	}

	/**
	 * Draws the watermark onto an image.
	 * @param image the image, drawn on
	 * @param branding what to draw
	 * @return the image
	 */
	static BufferedImage apply(BufferedImage image, Derivatives.Branding branding) {
		Graphics2D g = image.createGraphics();
		paint(g, image.getWidth(), image.getHeight(), branding);
		g.dispose();
		return image;
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

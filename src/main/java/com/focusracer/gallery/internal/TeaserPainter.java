package com.focusracer.gallery.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a runner's crop at a share format's size, and the teaser's band: the event's
 * logo, name, date and sponsor line, and the short link to the runner's photos.
 */
public final class TeaserPainter {

	private static final Color DEFAULT_BAND = new Color(0x1D2330);

	private TeaserPainter() {
	}

	/**
	 * What the band says.
	 *
	 * @param name the event's name
	 * @param date the event's date, in words
	 * @param sponsor the sponsor line, may be null
	 * @param link the short link, e.g. {@code focusracer.com/events/trail?bib=1975}
	 * @param color the brand colour {@code #RRGGBB}, may be null
	 * @param logo the event's logo, may be null
	 */
	public record Caption(String name, String date, String sponsor, String link, String color, BufferedImage logo) {
	}

	/**
	 * Cuts a crop out of a picture and scales it to a size.
	 * @param source the upright picture
	 * @param crop the crop, in its pixels
	 * @param width the output's width
	 * @param height the output's height
	 * @return the new image
	 */
	public static BufferedImage cut(BufferedImage source, SmartCrop.Box crop, int width, int height) {
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		int x1 = (int) Math.round(crop.x());
		int y1 = (int) Math.round(crop.y());
		int x2 = (int) Math.round(crop.x() + crop.width());
		int y2 = (int) Math.round(crop.y() + crop.height());
		g.drawImage(source, 0, 0, width, height, x1, y1, x2, y2, null);
		g.dispose();
		return out;
	}

	/**
	 * Draws the band along the bottom of a teaser.
	 * @param image the crop at its format's size, drawn on
	 * @param caption what the band says
	 * @return the image
	 */
	public static BufferedImage band(BufferedImage image, Caption caption) {
		int w = image.getWidth();
		int h = image.getHeight();
		int bandHeight = (int) Math.round(Math.min(w, h) * ((w > h) ? 0.24 : 0.2));
		int top = h - bandHeight;
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		Color brand = parse(caption.color());
		g.setColor(new Color(brand.getRed(), brand.getGreen(), brand.getBlue(), 225));
		g.fillRect(0, top, w, bandHeight);
		int margin = bandHeight / 8;
		int x = margin;
		if (caption.logo() != null && caption.logo().getHeight() > 0) {
			int logoHeight = bandHeight - 2 * margin;
			int logoWidth = Math.min(w / 4, caption.logo().getWidth() * logoHeight / caption.logo().getHeight());
			g.drawImage(caption.logo(), x, top + margin, logoWidth, logoHeight, null);
			x += logoWidth + margin;
		}
		int textWidth = w - x - margin;
		g.setColor(Color.WHITE);
		int line = bandHeight / 4;
		int y = top + margin + line;
		y = text(g, caption.name(), new Font(Font.SANS_SERIF, Font.BOLD, line), x, y, textWidth);
		String second = caption.date() + ((caption.sponsor() != null && !caption.sponsor().isBlank())
				? " · " + caption.sponsor().strip() : "");
		y = text(g, second, new Font(Font.SANS_SERIF, Font.PLAIN, line * 3 / 4), x, y + line / 4, textWidth);
		text(g, caption.link(), new Font(Font.MONOSPACED, Font.BOLD, line * 3 / 4), x, y + line / 4, textWidth);
		g.dispose();
		return image;
	}

	/** One line, shrunk until it fits; returns the next baseline. */
	private static int text(Graphics2D g, String text, Font font, int x, int y, int width) {
		Font fitted = font;
		FontMetrics metrics = g.getFontMetrics(fitted);
		while (metrics.stringWidth(text) > width && fitted.getSize() > 8) {
			fitted = fitted.deriveFont((float) fitted.getSize() - 1);
			metrics = g.getFontMetrics(fitted);
		}
		g.setFont(fitted);
		g.drawString(text, x, y);
		return y + metrics.getHeight();
	}

	private static Color parse(String color) {
		if (color != null && color.matches("#[0-9A-Fa-f]{6}")) {
			return new Color(Integer.parseInt(color.substring(1), 16));
		}
		return DEFAULT_BAND;
	}

}

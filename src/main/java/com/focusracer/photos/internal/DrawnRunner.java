package com.focusracer.photos.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A drawn race photo: a runner in a coloured shirt wearing a bib, on a textured
 * background. The demo ships a few (so that a first start shows a gallery, a search and a
 * shop), and the tests and benches use the same drawing.
 */
public final class DrawnRunner {

	private DrawnRunner() {
	}

	/**
	 * Draws one.
	 * @param width the width
	 * @param height the height
	 * @param bib the number printed on the bib, or {@code null} for a bib hidden by an
	 * arm
	 * @param shirt the shirt's colour
	 * @param seed the background's seed: the same seed gives the same background (frames
	 * of one burst)
	 * @return the image
	 */
	public static BufferedImage draw(int width, int height, String bib, Color shirt, long seed) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(150, 180, 210), 0, height, new Color(90, 100, 90)));
		g.fillRect(0, 0, width, height);
		Random random = new Random(seed);
		for (int i = 0; i < 300; i++) {
			g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 60));
			g.fillOval(random.nextInt(width), random.nextInt(height), 4 + random.nextInt(width / 25 + 1),
					4 + random.nextInt(height / 25 + 1));
		}
		int bodyX = width * 3 / 10;
		int bodyWidth = width * 2 / 5;
		g.setColor(shirt);
		g.fillRect(bodyX, height / 5, bodyWidth, height * 3 / 5);
		g.setColor(Color.WHITE);
		int bibX = bodyX + bodyWidth / 6;
		int bibY = height / 3;
		int bibWidth = bodyWidth / 2;
		int bibHeight = height / 8;
		g.fillRect(bibX, bibY, bibWidth, bibHeight);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, bibHeight * 2 / 3));
		java.awt.FontMetrics metrics = g.getFontMetrics();
		String printed = (bib != null) ? bib : "0000";
		g.drawString(printed, bibX + (bibWidth - metrics.stringWidth(printed)) / 2, bibY + bibHeight * 4 / 5);
		if (bib == null) {
			// An arm across the number.
			g.setColor(new Color(224, 172, 140));
			g.fillRect(bibX - bibWidth / 4, bibY + bibHeight / 8, bibWidth * 3 / 2, bibHeight * 3 / 4);
		}
		g.dispose();
		return image;
	}

}

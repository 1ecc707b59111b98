package com.focusracer.photos.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import com.focusracer.photos.Photos;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkTests {

	private static final Derivatives.Branding BRANDING = new Derivatives.Branding("Focus Racer · Test", null, null);

	@Test
	void theWatermarkCoversTheWholeImage() throws Exception {
		BufferedImage plain = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		BufferedImage marked = Watermark.apply(copyOf(plain), BRANDING);
		// Every 200x150 tile of the image carries part of the watermark: no crop escapes
		// it.
		for (int ty = 0; ty < 4; ty++) {
			for (int tx = 0; tx < 4; tx++) {
				int changed = 0;
				for (int y = ty * 150; y < (ty + 1) * 150; y++) {
					for (int x = tx * 200; x < (tx + 1) * 200; x++) {
						if (marked.getRGB(x, y) != plain.getRGB(x, y)) {
							changed++;
						}
					}
				}
				assertThat(changed).as("tile %d,%d", tx, ty).isGreaterThan(200);
			}
		}
	}

	@Test
	void theCachedOverlayLooksLikeTheWatermarkDrawnShapeByShape() {
		Derivatives.Branding branding = new Derivatives.Branding("Focus Racer · Marathon de Lyon", "Sponsor", "#E8542F",
				aLogo(Color.ORANGE));
		for (int[] size : new int[][] { { 1600, 1067 }, { 320, 480 } }) {
			BufferedImage photo = Photos.aFinishLineScene(size[0], size[1]);
			BufferedImage direct = Watermark.applyDirectly(copyOf(photo), branding);
			BufferedImage first = Watermark.apply(copyOf(photo), branding);
			BufferedImage cached = Watermark.apply(copyOf(photo), branding);
			int worst = 0;
			for (int y = 0; y < photo.getHeight(); y++) {
				for (int x = 0; x < photo.getWidth(); x++) {
					int p = direct.getRGB(x, y);
					int q = cached.getRGB(x, y);
					for (int shift = 0; shift <= 16; shift += 8) {
						worst = Math.max(worst, Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)));
					}
					assertThat(first.getRGB(x, y)).isEqualTo(q);
				}
			}
			assertThat(worst).as("largest difference, in levels, at %dx%d", size[0], size[1]).isLessThanOrEqualTo(2);
		}
	}

	@Test
	void theOverlayIsRenderedOncePerBrandingAndSize() {
		Watermark.forgetOverlays();
		Derivatives.Branding branding = new Derivatives.Branding("Trail des Cimes", "Sponsor", "#00AA00",
				aLogo(Color.GREEN));
		BufferedImage overlay = Watermark.overlay(branding, 640, 427);
		assertThat(Watermark.overlay(branding, 640, 427)).isSameAs(overlay);
		// The logo is decoded again for each photo: the same pixels, the same overlay.
		assertThat(Watermark
			.overlay(new Derivatives.Branding("Trail des Cimes", "Sponsor", "#00AA00", aLogo(Color.GREEN)), 640, 427))
			.isSameAs(overlay);
		assertThat(Watermark
			.overlay(new Derivatives.Branding("Trail des Cimes", "Sponsor", "#00AA00", aLogo(Color.RED)), 640, 427))
			.isNotSameAs(overlay);
		assertThat(Watermark.overlay(branding, 427, 640)).isNotSameAs(overlay);
		assertThat(Watermark
			.overlay(new Derivatives.Branding("Trail des Cimes", "Autre", "#00AA00", aLogo(Color.GREEN)), 640, 427))
			.isNotSameAs(overlay);
		assertThat(Watermark
			.overlay(new Derivatives.Branding("Trail des Cimes", "Sponsor", "#0000AA", aLogo(Color.GREEN)), 640, 427))
			.isNotSameAs(overlay);
	}

	private static BufferedImage aLogo(Color color) {
		BufferedImage logo = new BufferedImage(200, 80, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = logo.createGraphics();
		g.setColor(color);
		g.fillOval(0, 0, 80, 80);
		g.fillRect(90, 20, 110, 40);
		g.dispose();
		return logo;
	}

	private static BufferedImage copyOf(BufferedImage image) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		copy.createGraphics().drawImage(image, 0, 0, null);
		return copy;
	}

}

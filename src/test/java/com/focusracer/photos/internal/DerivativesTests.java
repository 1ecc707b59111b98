package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.focusracer.photos.Photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DerivativesTests {

	private static final Derivatives.Branding BRANDING = new Derivatives.Branding("Focus Racer · Test", null, null);

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void everyExifOrientationMapsPixelsAsTheStandardSays(int orientation) {
		int w = 4;
		int h = 3;
		BufferedImage source = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				source.setRGB(x, y, (x * 16 + y) * 1000);
			}
		}
		BufferedImage out = Derivatives.orient(source, orientation);
		boolean swap = orientation >= 5;
		assertThat(out.getWidth()).isEqualTo(swap ? h : w);
		assertThat(out.getHeight()).isEqualTo(swap ? w : h);
		for (int y = 0; y < out.getHeight(); y++) {
			for (int x = 0; x < out.getWidth(); x++) {
				int[] src = switch (orientation) {
					case 2 -> new int[] { w - 1 - x, y };
					case 3 -> new int[] { w - 1 - x, h - 1 - y };
					case 4 -> new int[] { x, h - 1 - y };
					case 5 -> new int[] { y, x };
					case 6 -> new int[] { y, h - 1 - x };
					case 7 -> new int[] { w - 1 - y, h - 1 - x };
					case 8 -> new int[] { w - 1 - y, x };
					default -> new int[] { x, y };
				};
				assertThat(out.getRGB(x, y) & 0xFFFFFF).as("orientation %d at %d,%d", orientation, x, y)
					.isEqualTo(source.getRGB(src[0], src[1]) & 0xFFFFFF);
			}
		}
	}

	@Test
	void makesUprightWatermarkedJpegsWithoutMetadata() throws Exception {
		Path original = this.folder.resolve("portrait.jpg");
		// Stored landscape, meant to be shown rotated 90° clockwise (a portrait shot).
		Files.write(original, Photos.withExifOrientation(Photos.jpeg(Photos.aFinishLineScene(3000, 2000)), 6));
		Derivatives.Result result = Derivatives.derive(original, BRANDING, 1600, 480);

		BufferedImage web = ImageIO.read(new ByteArrayInputStream(result.web()));
		BufferedImage preview = ImageIO.read(new ByteArrayInputStream(result.preview()));
		assertThat(web.getWidth()).isEqualTo(1067);
		assertThat(web.getHeight()).isEqualTo(1600);
		assertThat(Math.max(preview.getWidth(), preview.getHeight())).isEqualTo(480);
		for (byte[] jpeg : new byte[][] { result.web(), result.preview() }) {
			String text = new String(jpeg, StandardCharsets.ISO_8859_1);
			assertThat(text).doesNotContain("Exif").doesNotContain("SECRET-SERIAL");
		}
		assertThat(result.sharpness()).isPositive();
		assertThat(result.quality()).isBetween(0.0, 1.0);
	}

	@Test
	void cmykJpegsKeepTheirColours() throws Exception {
		Path original = this.folder.resolve("cmyk.jpg");
		Files.write(original, Photos.aCmykJpeg());
		Derivatives.Result result = Derivatives.derive(original, new Derivatives.Branding(" ", null, null), 1600, 480);
		BufferedImage web = ImageIO.read(new ByteArrayInputStream(result.web()));
		int left = web.getRGB(web.getWidth() / 8, web.getHeight() / 2);
		int right = web.getRGB(web.getWidth() * 7 / 8, web.getHeight() / 2);
		// Cyan on the left, red on the right, give or take JPEG rounding and the faint
		// watermark.
		assertThat((left >> 16) & 0xFF).isLessThan(80);
		assertThat((left >> 8) & 0xFF).isGreaterThan(170);
		assertThat(left & 0xFF).isGreaterThan(170);
		assertThat((right >> 16) & 0xFF).isGreaterThan(170);
		assertThat((right >> 8) & 0xFF).isLessThan(80);
		assertThat(right & 0xFF).isLessThan(80);
	}

	@Test
	void theWatermarkCoversTheWholeImage() throws Exception {
		BufferedImage plain = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		BufferedImage marked = Derivatives.watermark(copyOf(plain), BRANDING);
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
	void aBlurredPhotoScoresLowerThanASharpOne() {
		BufferedImage sharp = Photos.aFinishLineScene(480, 320);
		BufferedImage blurred = Derivatives.scaleToFit(Derivatives.scaleToFit(sharp, 40), 480);
		BufferedImage upscaled = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
		upscaled.createGraphics().drawImage(blurred, 0, 0, 480, 320, null);
		double[] sharpMeasures = Derivatives.measure(sharp);
		double[] blurMeasures = Derivatives.measure(upscaled);
		assertThat(sharpMeasures[0]).isGreaterThan(blurMeasures[0] * 3);
	}

	@Test
	void aTruncatedJpegFailsWithAReasonInsteadOfCrashing() throws Exception {
		byte[] jpeg = Photos.jpeg(Photos.aFinishLineScene(1200, 800));
		Path truncated = this.folder.resolve("truncated.jpg");
		Files.write(truncated, java.util.Arrays.copyOf(jpeg, 600));
		assertThatThrownBy(() -> Derivatives.derive(truncated, BRANDING, 1600, 480))
			.isInstanceOf(Derivatives.UndecodableException.class);
	}

	private static BufferedImage copyOf(BufferedImage image) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		copy.createGraphics().drawImage(image, 0, 0, null);
		return copy;
	}

}

package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.focusracer.photos.Photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DerivativesTests {

	private static final Derivatives.Branding BRANDING = new Derivatives.Branding("Focus Racer · Test", null, null);

	@TempDir
	Path folder;

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
	void aTruncatedJpegFailsWithAReasonInsteadOfCrashing() throws Exception {
		byte[] jpeg = Photos.jpeg(Photos.aFinishLineScene(1200, 800));
		Path truncated = this.folder.resolve("truncated.jpg");
		Files.write(truncated, java.util.Arrays.copyOf(jpeg, 600));
		assertThatThrownBy(() -> Derivatives.derive(truncated, BRANDING, 1600, 480))
			.isInstanceOf(Derivatives.UndecodableException.class);
	}

}

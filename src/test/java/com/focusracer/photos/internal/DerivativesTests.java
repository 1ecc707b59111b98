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

	@Test
	void autoEditBrightensTheWebVersionAndPreviewButNotTheAnalysisImage() throws Exception {
		Path original = this.folder.resolve("dark.jpg");
		BufferedImage scene = Photos.aFinishLineScene(2400, 1600);
		java.awt.image.RescaleOp darker = new java.awt.image.RescaleOp(0.4f, 0, null);
		BufferedImage dark = darker.filter(scene, new BufferedImage(2400, 1600, BufferedImage.TYPE_INT_RGB));
		Files.write(original, Photos.jpeg(dark));
		Derivatives.Branding none = new Derivatives.Branding(" ", null, null);

		Derivatives.Result asShot = Derivatives.derive(original, none, 1600, 480, false);
		Derivatives.Result edited = Derivatives.derive(original, none, 1600, 480, true);

		assertThat(meanLuma(ImageIO.read(new ByteArrayInputStream(edited.web()))))
			.isGreaterThan(meanLuma(ImageIO.read(new ByteArrayInputStream(asShot.web()))) * 1.5);
		assertThat(meanLuma(ImageIO.read(new ByteArrayInputStream(edited.preview()))))
			.isGreaterThan(meanLuma(ImageIO.read(new ByteArrayInputStream(asShot.preview()))) * 1.5);
		int w = asShot.analysis().getWidth();
		int h = asShot.analysis().getHeight();
		assertThat(edited.analysis().getRGB(0, 0, w, h, null, 0, w)).as("recognition reads the photo as shot")
			.isEqualTo(asShot.analysis().getRGB(0, 0, w, h, null, 0, w));
		assertThat(edited.exposure()).as("quality describes the photo as shot").isEqualTo(asShot.exposure());
	}

	private static double meanLuma(BufferedImage image) {
		double sum = 0;
		for (int y = 0; y < image.getHeight(); y += 2) {
			for (int x = 0; x < image.getWidth(); x += 2) {
				int p = image.getRGB(x, y);
				sum += 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
			}
		}
		return sum / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
	}

}

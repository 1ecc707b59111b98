package com.focusracer.photos.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.focusracer.photos.Photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PhotoDecoderTests {

	private static final PhotoDecoder TURBO = new PhotoDecoder(true);

	private static final PhotoDecoder IMAGE_IO = new PhotoDecoder(false);

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void bothDecodersMakeTheSameUprightAnalysisImage(int orientation) throws Exception {
		assumeTrue(TurboJpeg.available(), "libjpeg-turbo is not installed");
		Path photo = write("oriented.jpg",
				Photos.withExifOrientation(Photos.jpeg(Photos.aFinishLineScene(1200, 800)), orientation));
		// A photo shorter than 2,880 px keeps every pixel for recognition, whatever the
		// web size.
		BufferedImage turbo = Derivatives.analysisImage(TURBO, photo, 400);
		BufferedImage imageIo = Derivatives.analysisImage(IMAGE_IO, photo, 400);
		boolean swap = orientation >= 5;
		assertThat(turbo.getWidth()).isEqualTo(swap ? 800 : 1200);
		assertThat(turbo.getHeight()).isEqualTo(swap ? 1200 : 800);
		assertThat(imageIo.getWidth()).isEqualTo(turbo.getWidth());
		assertThat(imageIo.getHeight()).isEqualTo(turbo.getHeight());
		assertThat(turbo.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
		// Averaging 2 × 2 pixels (DCT scaling) or keeping one differs only on edges.
		assertThat(meanDifference(turbo, imageIo)).isLessThan(6.0);
	}

	@Test
	void aPhotoOf3000PixelsKeepsEveryPixelForRecognition() throws Exception {
		assumeTrue(TurboJpeg.available(), "libjpeg-turbo is not installed");
		Path photo = write("photo.jpg", Photos.jpeg(Photos.aFinishLineScene(3000, 2000)));
		// libjpeg-turbo's scales go by eighths: asked for the web size's 2,400 px, it
		// decoded this photo at 7/8 (2,625 px), and each bib lost an eighth of its
		// pixels.
		assertThat(Derivatives.analysisImage(TURBO, photo, 1600).getWidth()).isEqualTo(3000);
		assertThat(Derivatives.analysisImage(IMAGE_IO, photo, 1600).getWidth()).isEqualTo(3000);
	}

	@Test
	void decodesAtTheSmallestScaleThatKeepsWhatIsAskedFor() throws Exception {
		assumeTrue(TurboJpeg.available(), "libjpeg-turbo is not installed");
		Path photo = write("photo.jpg", Photos.jpeg(Photos.aFinishLineScene(1200, 800)));
		assertThat(TURBO.decode(photo, 600).getWidth()).isEqualTo(600);
		assertThat(TURBO.decode(photo, 601).getWidth()).isEqualTo(750);
		assertThat(TURBO.decode(photo, 150).getWidth()).isEqualTo(150);
		assertThat(TURBO.decode(photo, 5000).getWidth()).isEqualTo(1200);
	}

	@Test
	void theScaleForA24MegapixelPhotoIsOneHalf() {
		var factors = java.util.stream.IntStream.rangeClosed(1, 8)
			.mapToObj((num) -> new TurboJpeg.Factor(num, 8))
			.toList();
		TurboJpeg.Factor factor = TurboJpeg.smallestAtLeast(factors, 6000, 4000, 1600 * 1.5);
		assertThat(factor.scaled(6000)).isEqualTo(3000);
		assertThat(factor.scaled(4000)).isEqualTo(2000);
		assertThat(TurboJpeg.smallestAtLeast(factors, 1000, 800, 2400)).isEqualTo(new TurboJpeg.Factor(1, 1));
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aTruncatedJpegIsReportedAsCorrupt(boolean nativeJpeg) throws Exception {
		byte[] jpeg = Photos.jpeg(Photos.aFinishLineScene(1200, 800));
		for (int length : new int[] { 600, jpeg.length / 2, jpeg.length - 10 }) {
			Path truncated = write("truncated-" + length + ".jpg", Arrays.copyOf(jpeg, length));
			assertThatThrownBy(() -> new PhotoDecoder(nativeJpeg).decode(truncated, 600)).as("cut at %d", length)
				.isInstanceOfSatisfying(Derivatives.UndecodableException.class,
						(ex) -> assertThat(ex.messageKey()).isEqualTo("photo.failure.corrupt"));
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aFileThatIsNotAPictureIsReportedAsUnreadable(boolean nativeJpeg) throws Exception {
		Path text = write("notes.jpg", "Not a photo at all, just some notes.".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> new PhotoDecoder(nativeJpeg).decode(text, 600)).isInstanceOfSatisfying(
				Derivatives.UndecodableException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("photo.failure.unreadable"));
	}

	@Test
	void aCmykJpegGoesThroughImageIoAndKeepsItsColours() throws Exception {
		Path cmyk = write("cmyk.jpg", Photos.aCmykJpeg());
		if (TurboJpeg.available()) {
			assertThat(TurboJpeg.decode(cmyk, 600).declined()).isEqualTo("CMYK");
		}
		BufferedImage image = TURBO.decode(cmyk, 600);
		int left = image.getRGB(image.getWidth() / 8, image.getHeight() / 2);
		int right = image.getRGB(image.getWidth() * 7 / 8, image.getHeight() / 2);
		assertThat((left >> 16) & 0xFF).isLessThan(80);
		assertThat(left & 0xFF).isGreaterThan(170);
		assertThat((right >> 16) & 0xFF).isGreaterThan(170);
		assertThat(right & 0xFF).isLessThan(80);
	}

	@Test
	void aGreyscaleJpegIsDecodedNativelyIntoRgb() throws Exception {
		assumeTrue(TurboJpeg.available(), "libjpeg-turbo is not installed");
		Path grey = write("grey.jpg", Photos.aGreyscaleJpeg());
		TurboJpeg.Outcome outcome = TurboJpeg.decode(grey, 600);
		assertThat(outcome.declined()).isNull();
		assertThat(outcome.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
		assertThat(meanDifference(outcome.image(), IMAGE_IO.decode(grey, 600))).isLessThan(6.0);
	}

	@Test
	void aJpegWithAProfileOtherThanSrgbGoesThroughImageIo() throws Exception {
		assumeTrue(TurboJpeg.available(), "libjpeg-turbo is not installed");
		byte[] jpeg = Photos.jpeg(Photos.aFinishLineScene(1200, 800));
		Path linear = write("linear.jpg",
				Photos.withIccProfile(jpeg, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()));
		Path srgb = write("srgb.jpg",
				Photos.withIccProfile(jpeg, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
		assertThat(TurboJpeg.decode(linear, 600).declined()).startsWith("colour profile");
		assertThat(TurboJpeg.decode(srgb, 600).declined()).isNull();
	}

	@Test
	void aProgressiveJpegIsDecodedNatively() throws Exception {
		assumeTrue(TurboJpeg.available(), "libjpeg-turbo is not installed");
		Path progressive = write("progressive.jpg", Photos.aProgressiveJpeg());
		TurboJpeg.Outcome outcome = TurboJpeg.decode(progressive, 700);
		assertThat(outcome.declined()).isNull();
		assertThat(meanDifference(outcome.image(), IMAGE_IO.decode(progressive, 700))).isLessThan(6.0);
	}

	@Test
	void aMachineWithoutTheLibraryFallsBackQuietly() {
		// The lookup fails without throwing; decoding then goes through ImageIO.
		assertThat(TurboJpeg.load(java.util.List.of("no-such-turbojpeg", "/nowhere/libturbojpeg.so.0"))).isNull();
	}

	@Test
	void theSystemPropertyTurnsTheNativeDecoderOff() {
		// Surefire runs without the property: the standard decoder is the native one
		// wherever the library is installed.
		assertThat(PhotoDecoder.standard().usesNativeJpeg())
			.isEqualTo(TurboJpeg.available() && !"false".equals(System.getProperty(PhotoDecoder.NATIVE_JPEG_PROPERTY)));
		assertThat(IMAGE_IO.usesNativeJpeg()).isFalse();
	}

	private Path write(String name, byte[] bytes) throws Exception {
		Path file = this.folder.resolve(name);
		Files.write(file, bytes);
		return file;
	}

	private static double meanDifference(BufferedImage a, BufferedImage b) {
		long sum = 0;
		int w = a.getWidth();
		int h = a.getHeight();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int p = a.getRGB(x, y);
				int q = b.getRGB(x, y);
				sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF))
						+ Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF)) + Math.abs((p & 0xFF) - (q & 0xFF));
			}
		}
		return sum / (3.0 * w * h);
	}

}

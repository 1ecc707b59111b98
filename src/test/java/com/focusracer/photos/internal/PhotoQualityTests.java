package com.focusracer.photos.internal;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import com.focusracer.photos.Photos;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoQualityTests {

	@Test
	void aBlurredPhotoScoresLowerThanASharpOne() {
		BufferedImage sharp = Photos.aFinishLineScene(480, 320);
		BufferedImage blurred = Scaling.toFit(Scaling.toFit(sharp, 40), 480);
		BufferedImage upscaled = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
		upscaled.createGraphics().drawImage(blurred, 0, 0, 480, 320, null);
		PhotoQuality sharpMeasures = PhotoQuality.of(sharp);
		PhotoQuality blurMeasures = PhotoQuality.of(upscaled);
		assertThat(sharpMeasures.sharpness()).isGreaterThan(blurMeasures.sharpness() * 3);
	}

}

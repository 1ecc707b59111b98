package com.focusracer.recognition.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaceSuppressionTests {

	@Test
	void aLessSureBoxCentredInAFaceAlreadyFoundIsThatFace() {
		List<double[]> boxes = new ArrayList<>();
		// A near face, 300 x 376, found surely on the whole photo.
		boxes.add(new double[] { 1500, 552, 1800, 928, 1.0 });
		// A tile saw its eye and cheek as a small face: less than 70 % of the small box
		// lies inside the big one, but its centre does.
		boxes.add(new double[] { 1720, 600, 1860, 757, 0.70 });
		// A face beside it, touching it, centred outside it.
		boxes.add(new double[] { 1795, 560, 2095, 900, 0.95 });

		List<double[]> kept = FaceModels.suppress(boxes, 0.4);

		assertThat(kept).hasSize(2);
		assertThat(kept).extracting((b) -> b[3]).containsExactly(1.0, 0.95);
	}

}

package com.focusracer.recognition.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Selfie search's in-memory face index over the stored faces: 8-bit embeddings give the
 * float cosine within 0.01, each photo is scored by its closest face, faces stored after
 * a search are found by the next one, and a forgotten event is read again.
 */
@SpringBootTest
class SelfieIndexTests {

	@Autowired
	SelfieIndex index;

	@Autowired
	RecognitionRepository repository;

	@Test
	void scoresEachPhotoByItsClosestFaceAndSeesNewFaces() {
		UUID event = UUID.randomUUID();
		UUID twoFaces = UUID.randomUUID();
		UUID stranger = UUID.randomUUID();
		store(event, twoFaces, unit(0, 0.62), unit(0, 0.30));
		store(event, stranger, unit(2, 1.0));

		Map<UUID, Double> found = this.index.search(event, unit(0, 1.0), 0.46);
		assertThat(found).containsOnlyKeys(twoFaces);
		assertThat(found.get(twoFaces)).isCloseTo(0.62, within(0.01));

		UUID later = UUID.randomUUID();
		store(event, later, unit(0, 0.9));
		assertThat(this.index.search(event, unit(0, 1.0), 0.46)).containsOnlyKeys(twoFaces, later);
		assertThat(this.index.size(event)).isEqualTo(4);

		this.repository.deleteFacesOf(event);
		this.index.forget(event);
		assertThat(this.index.search(event, unit(0, 1.0), 0.0)).isEmpty();
	}

	private void store(UUID event, UUID photo, float[]... embeddings) {
		List<RecognitionRepository.StoredFace> faces = java.util.Arrays.stream(embeddings)
			.map((embedding) -> new RecognitionRepository.StoredFace(UUID.randomUUID(), photo, 0.4, 0.1, 0.05, 0.07,
					0.9, 0.8, embedding))
			.toList();
		this.repository.replaceFaces(photo, event, faces, Instant.now());
	}

	/**
	 * A unit vector whose cosine with {@code unit(axis, 1)} is the given one, spread over
	 * 128 dimensions like real embeddings.
	 */
	private static float[] unit(int axis, double cosine) {
		float[] v = new float[512];
		double rest = Math.sqrt(1 - cosine * cosine);
		for (int i = 0; i < 64; i++) {
			v[axis * 64 + i] = (float) (cosine / 8);
			v[axis * 64 + 64 + i] = (float) (rest / 8);
		}
		return v;
	}

}

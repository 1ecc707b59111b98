package com.focusracer.recognition;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ROC area and true-accept rates of scored face pairs.
 */
class FaceScoresTests {

	@Test
	void measuresHowWellScoresSeparateSamePeopleFromOthers() {
		List<double[]> scored = new ArrayList<>();
		// 1,000 different-person pairs scoring 0.000 … 0.999; ten same-person pairs.
		for (int i = 0; i < 1000; i++) {
			scored.add(new double[] { i / 1000.0, 0 });
		}
		for (double s : new double[] { 0.9995, 0.9993, 0.9991, 0.999, 0.995, 0.992, 0.985, 0.5, 0.2, 0.1 }) {
			scored.add(new double[] { s, 1 });
		}
		double[] result = FaceScores.of(scored);
		// At 1 % false accepts the threshold is 0.989: six same pairs are above it.
		assertThat(result[1]).isEqualTo(0.6);
		// At 0.1 % (one different pair may pass, 0.999): the four same pairs above 0.998.
		assertThat(result[2]).isEqualTo(0.4);
		// Each same pair beats the different pairs below it, ties count half: 7,774.5 of
		// 10,000 comparisons.
		assertThat(result[0]).isCloseTo(0.77745, within(1e-9));
	}

}

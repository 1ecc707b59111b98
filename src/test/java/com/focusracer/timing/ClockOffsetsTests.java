package com.focusracer.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClockOffsetsTests {

	private static final double START = 1_790_000_000;

	@Test
	void aCameraThreeMinutesTwentySecondsWrongIsFoundWithinTwoSecondsDespiteOutliers() {
		Random random = new Random(7);
		List<ClockOffsets.Residual> residuals = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			// Runners shot a few seconds before or after the spot, interpolation noise.
			residuals.add(new ClockOffsets.Residual(START + i * 60, 200 + random.nextGaussian() * 3));
		}
		// Wrong reads: another runner's passage, minutes away.
		residuals.add(new ClockOffsets.Residual(START + 100, 200 + 600));
		residuals.add(new ClockOffsets.Residual(START + 200, 200 - 900));
		residuals.add(new ClockOffsets.Residual(START + 300, 200 + 3600));
		ClockOffsets.Estimate estimate = ClockOffsets.estimate(residuals).orElseThrow();
		assertThat(estimate.offsetSeconds()).isCloseTo(200, within(2.0));
		assertThat(estimate.dropped()).isEqualTo(3);
		assertThat(estimate.outliers()[40]).isTrue();
		assertThat(estimate.outliers()[0]).isFalse();
		assertThat(estimate.driftPerHour()).isZero();
	}

	@Test
	void fewerThanFiveAnchorsGiveNoEstimate() {
		List<ClockOffsets.Residual> four = List.of(new ClockOffsets.Residual(START, 200),
				new ClockOffsets.Residual(START + 1, 201), new ClockOffsets.Residual(START + 2, 199),
				new ClockOffsets.Residual(START + 3, 200));
		assertThat(ClockOffsets.estimate(four)).isEmpty();
		List<ClockOffsets.Residual> five = new ArrayList<>(four);
		five.add(new ClockOffsets.Residual(START + 4, 200));
		assertThat(ClockOffsets.estimate(five)).isPresent();
	}

	@Test
	void aDriftingClockOnALongEventFollowsTheTheilSenFit() {
		Random random = new Random(3);
		List<ClockOffsets.Residual> residuals = new ArrayList<>();
		// Six hours of trail, the clock gaining 4 s an hour from 60 s.
		for (int i = 0; i < 60; i++) {
			double t = START + i * 360;
			residuals.add(new ClockOffsets.Residual(t, 60 + 4 * (t - START) / 3600 + random.nextGaussian()));
		}
		residuals.add(new ClockOffsets.Residual(START + 7200, 500));
		ClockOffsets.Estimate estimate = ClockOffsets.estimate(residuals).orElseThrow();
		assertThat(estimate.driftPerHour()).isCloseTo(4, within(0.5));
		assertThat(estimate.at(START)).isCloseTo(60, within(2.0));
		assertThat(estimate.at(START + 6 * 3600)).isCloseTo(84, within(2.0));
	}

	@Test
	void aShortEventIgnoresAnApparentDrift() {
		List<ClockOffsets.Residual> residuals = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			residuals.add(new ClockOffsets.Residual(START + i * 300, 30 + i * 0.5));
		}
		assertThat(ClockOffsets.estimate(residuals).orElseThrow().driftPerHour()).isZero();
	}

}

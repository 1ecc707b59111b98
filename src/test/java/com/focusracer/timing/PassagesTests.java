package com.focusracer.timing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassagesTests {

	private static final Instant START = Instant.parse("2026-10-04T07:00:00Z");

	private static final List<Passages.Split> RUNNER = List.of(new Passages.Split(21.1, START.plusSeconds(6330)),
			new Passages.Split(0, START), new Passages.Split(10, START.plusSeconds(3000)));

	@Test
	void interpolatesBetweenTheTwoPointsAroundTheSpot() {
		Passages.Estimate at15 = Passages.at(RUNNER, 15, 0.03).orElseThrow();
		// 10 km at 3000 s, 21.1 km at 6330 s: 5 km further is 1500 s later.
		assertThat(at15.at()).isEqualTo(START.plusSeconds(4500));
		assertThat(at15.uncertainty()).isEqualTo(Duration.ofMillis(45_000));
		assertThat(Passages.at(RUNNER, 5, 0.03).orElseThrow().at()).isEqualTo(START.plusSeconds(1500));
	}

	@Test
	void aSpotAtATimingPointTakesItsTime() {
		Passages.Estimate at = Passages.at(RUNNER, 10.02, 0.03).orElseThrow();
		assertThat(at.at()).isEqualTo(START.plusSeconds(3000));
		assertThat(at.uncertainty()).isZero();
	}

	@Test
	void beyondTheLastPointItExtrapolatesAtTheLastPace() {
		// 300 s per km between 10 and 21.1 km.
		assertThat(Passages.at(RUNNER, 22.1, 0).orElseThrow().at()).isEqualTo(START.plusSeconds(6630));
	}

	@Test
	void oneTimingAwayFromTheSpotPlacesNobody() {
		assertThat(Passages.at(List.of(new Passages.Split(10, START)), 15, 0.03)).isEmpty();
		assertThat(Passages.at(List.of(), 15, 0.03)).isEmpty();
	}

}

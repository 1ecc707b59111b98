package com.focusracer.timing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimingMatchTests {

	private static final Instant T = Instant.parse("2026-10-04T08:42:00Z");

	private static final Map<String, List<Passages.Split>> SPLITS = Map.of("1234",
			List.of(new Passages.Split(21, T.minusSeconds(3))), "1299",
			List.of(new Passages.Split(21, T.plusSeconds(6))), "5678",
			List.of(new Passages.Split(21, T.plusSeconds(40))));

	private static List<TimingMatch.Candidate> candidates() {
		return TimingMatch.candidates(SPLITS, 21, T, Duration.ofSeconds(10), 0.03);
	}

	@Test
	void runnersWhosePassageIsNearThePhotoAreCandidatesNearestFirst() {
		assertThat(candidates()).extracting(TimingMatch.Candidate::bib).containsExactly("1234", "1299");
	}

	@Test
	void severalCandidatesWithoutCueAreSuggestions() {
		TimingMatch.Decision decision = TimingMatch.decide(candidates(), TimingMatch.Cues.none());
		assertThat(decision.linked()).isFalse();
		assertThat(decision.suggestions()).extracting(TimingMatch.Candidate::bib).containsExactly("1234", "1299");
	}

	@Test
	void aPartialReadLeavesOneRunner() {
		TimingMatch.Decision decision = TimingMatch.decide(candidates(),
				new TimingMatch.Cues(List.of("99"), Set.of(), Set.of()));
		assertThat(decision.bib()).isEqualTo("1299");
		assertThat(decision.confidence()).isEqualTo(TimingMatch.CONFIRMED);
	}

	@Test
	void aPartialReadPaddedWithZerosLeavesItsRunner() {
		// 0299 printed on a plate, the reading unsure of its first zero: no bib starts
		// with 0, the padding is no digit of bib 1299's.
		TimingMatch.Decision decision = TimingMatch.decide(candidates(),
				new TimingMatch.Cues(List.of("0299"), Set.of(), Set.of()));
		assertThat(decision.bib()).isEqualTo("1299");
	}

	@Test
	void theBurstOrAFaceLeavesOneRunner() {
		assertThat(TimingMatch.decide(candidates(), new TimingMatch.Cues(List.of(), Set.of(), Set.of("1234"))).bib())
			.isEqualTo("1234");
		assertThat(TimingMatch.decide(candidates(), new TimingMatch.Cues(List.of(), Set.of("1299"), Set.of())).bib())
			.isEqualTo("1299");
		// A cue naming nobody in the window changes nothing.
		assertThat(TimingMatch.decide(candidates(), new TimingMatch.Cues(List.of("77"), Set.of("5678"), Set.of()))
			.linked()).isFalse();
	}

	@Test
	void aRunnerAloneInTheWindowIsLinked() {
		List<TimingMatch.Candidate> alone = TimingMatch.candidates(SPLITS, 21, T.plusSeconds(40),
				Duration.ofSeconds(10), 0.03);
		TimingMatch.Decision decision = TimingMatch.decide(alone, TimingMatch.Cues.none());
		assertThat(decision.bib()).isEqualTo("5678");
		assertThat(decision.confidence()).isEqualTo(TimingMatch.ALONE);
	}

}

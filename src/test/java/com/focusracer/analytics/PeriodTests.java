package com.focusracer.analytics;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Periods, their previous period, the gallery-time histogram and the charts' geometry.
 */
class PeriodTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void eachPeriodEndsTodayAndIsComparedWithTheSameNumberOfDaysBefore() {
		Period week = Period.of("7d", null, null, TODAY);
		assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(week.previous().from()).isEqualTo(LocalDate.of(2026, 11, 18));
		assertThat(week.previous().to()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(Period.of("12m", null, null, TODAY).from()).isEqualTo(LocalDate.of(2025, 12, 2));
		assertThat(Period.of("12m", null, null, TODAY).monthly()).isTrue();
		assertThat(Period.of("custom", "2026-01-01", "2026-01-31", TODAY).days()).isEqualTo(31);
	}

	@Test
	void aCustomPeriodThatDoesNotParseOrRunsBackwardsIsThirtyDays() {
		assertThat(Period.of("custom", "2026-02-01", "2026-01-01", TODAY).kind()).isEqualTo("30d");
		assertThat(Period.of("custom", "yesterday", "", TODAY).days()).isEqualTo(30);
		assertThat(Period.of("custom", "2000-01-01", "2026-01-01", TODAY).kind()).isEqualTo("30d");
		assertThat(Period.of(null, null, null, TODAY).days()).isEqualTo(30);
	}

	@Test
	void theTallestBarFillsTheChartAndEveryBarKeepsItsValue() {
		Chart chart = Chart.bars("c", "Ventes", "Ventes", List.of("a", "b"), List.of(50L, 100L), List.of("50", "100"));
		assertThat(chart.bars().get(1).h()).isEqualTo(chart.baseline());
		assertThat(chart.bars().get(0).h()).isEqualTo(chart.baseline() / 2.0);
		assertThat(chart.bars().get(0).y() + chart.bars().get(0).h()).isEqualTo(chart.baseline());
	}

	@Test
	void figuresAreWrittenTheFrenchWayByDefault() {
		Formats french = new Formats(java.util.Locale.FRENCH);
		assertThat(french.number(1234567)).isEqualTo("1\u202f234\u202f567");
		assertThat(french.change(150, 100)).isEqualTo("+50\u00a0%");
		assertThat(new Formats(java.util.Locale.ENGLISH).money(123456)).isEqualTo("€1,234.56");
	}

}

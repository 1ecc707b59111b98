package com.focusracer.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a connector's next re-sync is due: every 15 minutes until race day, hourly from
 * race day on, none 7 days after or once archived.
 */
class ConnectorScheduleTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	final Connectors connectors = new Connectors(List.of(), null, null, null, null, null,
			new ConnectorsProperties(null, null, null, null, null, null, null, null, null, null, null, null), null,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void every15MinutesUntilRaceDay() {
		assertThat(this.connectors.nextSync(race(LocalDate.of(2026, 12, 2), false), NOW))
			.isEqualTo(NOW.plusSeconds(15 * 60));
	}

	@Test
	void hourlyFromRaceDayToAWeekAfter() {
		assertThat(this.connectors.nextSync(race(LocalDate.of(2026, 12, 1), false), NOW))
			.isEqualTo(NOW.plusSeconds(3600));
		assertThat(this.connectors.nextSync(race(LocalDate.of(2026, 11, 24), false), NOW))
			.isEqualTo(NOW.plusSeconds(3600));
	}

	@Test
	void stopsAfterAWeekOrOnceArchived() {
		assertThat(this.connectors.nextSync(race(LocalDate.of(2026, 11, 23), false), NOW)).isNull();
		assertThat(this.connectors.nextSync(race(LocalDate.of(2026, 12, 20), true), NOW)).isNull();
	}

	private static Event race(LocalDate date, boolean archived) {
		return new Event(UUID.randomUUID(), UUID.randomUUID(), "Race", "race", date, "Lyon", "running", null,
				Visibility.PUBLIC, false, 30, null, "#E8542F", null, false, archived, NOW, null);
	}

}

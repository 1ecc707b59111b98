package com.focusracer.timing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.focusracer.timing.PassingFormat;
import com.focusracer.timing.TimingImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassingFilesTests {

	private static final LocalDate DAY = LocalDate.of(2026, 10, 4);

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static List<PassingFiles.Line> read(PassingFormat format, String text) {
		return PassingFiles.read(format, text.getBytes(StandardCharsets.UTF_8), DAY, PARIS);
	}

	@Test
	void readsChronoTrackLines() {
		List<PassingFiles.Line> lines = read(PassingFormat.CHRONOTRACK,
				"CT01_13,24,START,50101,15:54:48.90,1,117F37,8\r\nCT01_13,25,START,50102,15:54:49.10,1,117F37,8\n");
		assertThat(lines).hasSize(2);
		PassingFiles.Line first = lines.get(0);
		assertThat(first.code()).isEqualTo("50101");
		assertThat(first.point()).isEqualTo("START");
		assertThat(first.line()).isEqualTo(1);
		// October: Paris is UTC+2.
		assertThat(first.at()).isEqualTo(Instant.parse("2026-10-04T13:54:48.900Z"));
	}

	@Test
	void readsWiclaxLines() {
		List<PassingFiles.Line> lines = read(PassingFormat.WICLAX, "*\n01539;22-09-2011 02:41:30.620;0A;559;;0\r");
		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line.code()).isEqualTo("01539");
			assertThat(line.point()).isEqualTo("0A");
			assertThat(line.line()).isEqualTo(2);
			assertThat(line.at()).isEqualTo(Instant.parse("2011-09-22T00:41:30.620Z"));
		});
	}

	@Test
	void readsAGenericCsvWithZonesAndFrenchHeaders() {
		List<PassingFiles.Line> lines = read(PassingFormat.CSV, """
				Dossard;Puce;Point;Heure
				1975;;SEMI;10:42:05+02:00
				;ABC12;SEMI;2026-10-04T08:43:00Z
				42;;ARRIVEE;9:05:00.5
				""");
		assertThat(lines).extracting(PassingFiles.Line::code).containsExactly("1975", "ABC12", "42");
		assertThat(lines).extracting(PassingFiles.Line::at)
			.containsExactly(Instant.parse("2026-10-04T08:42:05Z"), Instant.parse("2026-10-04T08:43:00Z"),
					Instant.parse("2026-10-04T07:05:00.500Z"));
		assertThat(lines.get(2).point()).isEqualTo("ARRIVEE");
	}

	@Test
	void readsRaceResultRawDataWithSecondsOfTheDay() {
		List<PassingFiles.Line> lines = read(PassingFormat.RACE_RESULT, """
				RD_Transponder,RD_TimingPoint,RD_Time
				NLHGY21,Km21,38525.25
				NLHGY22,Km21,10:42:06.000
				""");
		assertThat(lines).extracting(PassingFiles.Line::code).containsExactly("NLHGY21", "NLHGY22");
		assertThat(lines.get(0).at()).isEqualTo(Instant.parse("2026-10-04T08:42:05.250Z"));
		assertThat(lines.get(1).at()).isEqualTo(Instant.parse("2026-10-04T08:42:06Z"));
		assertThat(lines.get(0).point()).isEqualTo("Km21");
	}

	@Test
	void aBadTimeRejectsTheFileWithItsLineNumber() {
		assertThatThrownBy(() -> read(PassingFormat.CSV, "bib,point,time\n1,A,10:00:00\n2,A,25:61:00\n"))
			.isInstanceOfSatisfying(TimingImportException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("timing.import.badTime");
				assertThat(ex.arguments()).containsExactly(3, "25:61:00");
			});
		assertThatThrownBy(() -> read(PassingFormat.CHRONOTRACK, "CT01_13,24,START,50101,15:54:48.90\nhello\n"))
			.isInstanceOfSatisfying(TimingImportException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("timing.import.badLine");
				assertThat(ex.arguments()[0]).isEqualTo(2);
			});
	}

	@Test
	void aCsvWithoutTimeOrRunnerColumnIsRejected() {
		assertThatThrownBy(() -> read(PassingFormat.CSV, "name,point\nZoé,A\n")).isInstanceOfSatisfying(
				TimingImportException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("timing.import.columns"));
	}

}

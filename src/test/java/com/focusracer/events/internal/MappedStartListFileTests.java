package com.focusracer.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.focusracer.events.Runner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapped exports and platforms' runners rewritten as the plain CSV the import reads.
 */
class MappedStartListFileTests {

	@Test
	void readsTheHeaderRowOfAnyExport() {
		assertThat(MappedStartListFile.headers(bytes("\n N° Doss ;Nom;\"Prénom, usuel\"\n1;A;B\n")))
			.containsExactly("N° Doss", "Nom", "Prénom, usuel");
		assertThat(MappedStartListFile.headers(bytes(""))).isEmpty();
	}

	@Test
	void remapsColumnsByNameWhateverTheirOrder() {
		byte[] plain = MappedStartListFile.remap(bytes("Puce;Prénom;Doss\nT1;Léa \"Lili\";7\n;Noé;8\n"),
				Map.of("bib", "Doss", "firstName", "Prénom", "chip", "Puce"));
		assertThat(StartListFile.read(plain).runners()).containsExactly(
				new Runner("7", "Léa \"Lili\"", "", null, null, null, null, null, null, "T1"),
				new Runner("8", "Noé", "", null, null, null, null, null, null, null));
	}

	@Test
	void writesRunnersTheImportReadsBackUnchanged() {
		List<Runner> runners = List.of(new Runner("101", "Jérôme", "Du, pont", "j@example.fr", "10 km", "AC \"Lyon\"",
				"M", 1985, "SAS 1", "C9"),
				new Runner("A12", "Zoé", "Lefèvre", null, null, null, null, null, null, null));
		StartListFile.Parsed parsed = StartListFile.read(MappedStartListFile.write(runners));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.runners()).isEqualTo(runners);
	}

	@Test
	void aRunnerWithoutABibYetIsAProblemLine() {
		StartListFile.Parsed parsed = StartListFile
			.read(MappedStartListFile.write(List.of(new Runner("", "Léa", "Martin", null, null, null, null, null))));
		assertThat(parsed.problems()).extracting((p) -> p.messageKey()).containsExactly("startList.missingBib");
	}

	@Test
	void guessesFieldsFromUsualHeaders() {
		assertThat(StartListFile.guessField("Course")).isNull();
		assertThat(StartListFile.guessField("N° dossard")).isEqualTo("bib");
		assertThat(StartListFile.guessField("Dossard")).isEqualTo("bib");
		assertThat(StartListFile.guessField("Année de naissance")).isEqualTo("birthYear");
		assertThat(StartListFile.guessField("Transpondeur")).isEqualTo("chip");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

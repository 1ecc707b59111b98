package com.focusracer.events.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.focusracer.events.Runner;
import com.focusracer.events.StartListProblem;

import static org.assertj.core.api.Assertions.assertThat;

class StartListFileTests {

	@Test
	void readsFrenchHeadersInAnyOrderWithSemicolonsAndBom() {
		String csv = "\uFEFFNom;Prénom;Dossard;Catégorie;Club;E-mail;Sexe;Année de naissance\r\n"
				+ "Dupont;Jérôme;1975;SEM;AC Lyon;jerome@example.fr;M;1980\r\n"
				+ "Lefèvre;Zoé;42;ESF;;ZOE@example.fr;F;2001\r\n";
		StartListFile.Parsed parsed = StartListFile.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.fileProblem()).isNull();
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.separator()).isEqualTo(';');
		assertThat(parsed.encoding()).isEqualTo("UTF-8");
		assertThat(parsed.runners()).containsExactly(
				new Runner("1975", "Jérôme", "Dupont", "jerome@example.fr", "SEM", "AC Lyon", "M", 1980),
				new Runner("42", "Zoé", "Lefèvre", "zoe@example.fr", "ESF", null, "F", 2001));
	}

	@Test
	void readsStartWavesAndChips() {
		String csv = "Dossard;Nom;Vague;Puce\n12;Martin;SAS 1;0A1F37\n13;Durand;;\n";
		StartListFile.Parsed parsed = StartListFile.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.runners()).extracting(Runner::wave).containsExactly("SAS 1", null);
		assertThat(parsed.runners()).extracting(Runner::chip).containsExactly("0A1F37", null);
	}

	@Test
	void readsEnglishHeadersWithCommasAndQuotedFields() {
		String csv = "bib,first name,last name,email,category,club\n"
				+ "7,\"Anne-Marie\",\"O'Neil, Jr\",,V1F,\"Club \"\"Les Gazelles\"\"\"\n" + "8,Bob,\"Multi\nline\",,,\n";
		StartListFile.Parsed parsed = StartListFile.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.runners()).extracting(Runner::lastName).containsExactly("O'Neil, Jr", "Multi\nline");
		assertThat(parsed.runners().get(0).club()).isEqualTo("Club \"Les Gazelles\"");
	}

	@Test
	void readsWindows1252AndTabs() {
		String csv = "Dossard\tPrénom\tNom\n12\tFrançois\tLœuvre\n";
		StartListFile.Parsed parsed = StartListFile.read(csv.getBytes(Charset.forName("windows-1252")));
		assertThat(parsed.encoding()).isEqualTo("windows-1252");
		assertThat(parsed.separator()).isEqualTo('\t');
		assertThat(parsed.runners()).singleElement()
			.satisfies(
					(runner) -> assertThat(runner.firstName() + " " + runner.lastName()).isEqualTo("François Lœuvre"));
	}

	@Test
	void readsUtf16FromExcelUnicodeText() {
		String csv = "Dossard\tNom\n5\tMüller\n";
		byte[] body = csv.getBytes(StandardCharsets.UTF_16LE);
		byte[] content = new byte[body.length + 2];
		content[0] = (byte) 0xFF;
		content[1] = (byte) 0xFE;
		System.arraycopy(body, 0, content, 2, body.length);
		assertThat(StartListFile.read(content).runners()).extracting(Runner::lastName).containsExactly("Müller");
	}

	@Test
	void reportsEachBadLineWithItsNumberAndReason() {
		String csv = "dossard;nom;email;naissance\n" + "1;A;;1990\n" + ";B;;\n" + "1;C;;\n" + "2;D;not-an-email;\n"
				+ "3;E;;19xx\n" + "4;\"F;;\n";
		StartListFile.Parsed parsed = StartListFile.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.runners()).extracting(Runner::bib).containsExactly("1");
		assertThat(parsed.problems()).containsExactly(new StartListProblem(3, "startList.missingBib", null),
				new StartListProblem(4, "startList.duplicateBib", "1"),
				new StartListProblem(5, "startList.badEmail", "not-an-email"),
				new StartListProblem(6, "startList.badBirthYear", "19xx"),
				new StartListProblem(7, "startList.unreadable", null));
	}

	@Test
	void saysWhenTheFileHasNoBibColumnOrNoLines() {
		assertThat(StartListFile.read("nom,prénom\nA,B\n".getBytes(StandardCharsets.UTF_8)).fileProblem())
			.isEqualTo("startList.noBibColumn");
		assertThat(StartListFile.read("dossard,nom\n".getBytes(StandardCharsets.UTF_8)).fileProblem())
			.isEqualTo("startList.empty");
		assertThat(StartListFile.read(new byte[0]).fileProblem()).isEqualTo("startList.empty");
	}

	@Test
	void readsBirthYearsFromFullDates() {
		String csv = "bib;date de naissance\n9;12/03/1985\n10;1999-07-01\n";
		assertThat(StartListFile.read(csv.getBytes(StandardCharsets.UTF_8)).runners()).extracting(Runner::birthYear)
			.containsExactly(1985, 1999);
	}

}

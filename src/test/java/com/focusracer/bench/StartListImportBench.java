package com.focusracer.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.StartListImport;
import com.focusracer.events.StartLists;

/**
 * Imports a generated 100,000-runner start list (read, checked, compared with the current
 * list, written) into a throw-away embedded database, three times. Run as documented in
 * {@code docs/benchmarks.md}.
 */
public final class StartListImportBench {

	private StartListImportBench() {
	}

	public static void main(String[] args) {
		int lines = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		byte[] file = generate(lines);
		try (BenchApp app = BenchApp.start(ProProfile.ORGANIZER)) {
			UUID owner = app.ownerId();
			Event event = app.event();
			StartLists startLists = app.bean(StartLists.class);
			for (int run = 1; run <= 3; run++) {
				long start = System.nanoTime();
				StartListImport result = startLists.importFile(event.id(), owner, file, false);
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("run %d: %d lines (%.1f MB) imported in %.2f s (%,.0f lines/s)%n", run,
						result.imported(), file.length / 1e6, seconds, result.imported() / seconds);
			}
		}
	}

	private static byte[] generate(int lines) {
		Random random = new Random(42);
		String[] first = { "Jérôme", "Zoé", "Léa", "Chloé", "François", "Hélène", "Noël", "Anaïs", "Paul", "Marie" };
		String[] last = { "Dupont", "Lefèvre", "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand" };
		String[] categories = { "SEM", "SEF", "M0H", "M1F", "ESM", "JUF" };
		StringBuilder csv = new StringBuilder("Dossard;Prénom;Nom;E-mail;Catégorie;Club;Sexe;Année de naissance\r\n");
		for (int i = 1; i <= lines; i++) {
			csv.append(i)
				.append(';')
				.append(first[random.nextInt(first.length)])
				.append(';')
				.append(last[random.nextInt(last.length)])
				.append(';')
				.append("runner")
				.append(i)
				.append("@example.org;")
				.append(categories[random.nextInt(categories.length)])
				.append(";\"Club ")
				.append(random.nextInt(500))
				.append("\";")
				.append(random.nextBoolean() ? 'F' : 'M')
				.append(';')
				.append(1950 + random.nextInt(55))
				.append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}

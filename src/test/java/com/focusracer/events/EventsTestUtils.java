package com.focusracer.events;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Named fixtures for tests about events.
 */
@Component
public class EventsTestUtils {

	private final EventManagement events;

	EventsTestUtils(EventManagement events) {
		this.events = events;
	}

	public Event aMarathon(UUID ownerId) {
		return this.events.create(ownerId, new EventDraft("Marathon de Lyon", LocalDate.of(2026, 10, 4), "Lyon",
				"running", null, Visibility.PUBLIC, false, null, null, null, null));
	}

	public Event aTrailWithFaces(UUID ownerId) {
		return this.events.create(ownerId, new EventDraft("Trail des Monts", LocalDate.of(2026, 6, 14), "Annecy",
				"trail", null, Visibility.UNLISTED, true, 45, "Trail des Monts", "#1F7A45", null));
	}

	/**
	 * A small start list as organizers export it from Excel: semicolons, French headers.
	 * @return the file
	 */
	public static String aFrenchStartList() {
		return "Dossard;Nom;Prénom;Catégorie;Club;E-mail\n" + "1975;Dupont;Jérôme;SEM;AC Lyon;jerome@example.fr\n"
				+ "42;Lefèvre;Zoé;ESF;;zoe@example.fr\n" + "7;Martin;Léa;JUF;Lyon Tri;\n";
	}

}

package com.focusracer.events.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo event for {@code mvn spring-boot:run}: organised by orga@test.com, with
 * photographe@test.com in its team and a small start list, ready for uploads.
 */
@Component
@Profile("demo")
class DemoEvent {

	private static final Logger log = LoggerFactory.getLogger(DemoEvent.class);

	private static final String START_LIST = """
			Dossard;Prénom;Nom;Catégorie;Club;E-mail
			1975;Jérôme;Dupont;SEM;AC Lyon;jerome.dupont@example.fr
			42;Zoé;Lefèvre;ESF;;zoe.lefevre@example.fr
			7;Léa;Martin;JUF;Lyon Triathlon;
			1203;Karim;Benali;M1H;ASPTT Lyon;
			88;Chloé;Bernard;SEF;Villeurbanne AC;
			512;Thomas;Petit;M0H;;
			""";

	private final AccountManagement accounts;

	private final EventManagement events;

	private final StartLists startLists;

	DemoEvent(AccountManagement accounts, EventManagement events, StartLists startLists) {
		this.accounts = accounts;
		this.events = events;
		this.startLists = startLists;
	}

	@EventListener(ApplicationReadyEvent.class)
	// Before the demo prices of the shop, which price this event.
	@Order(Ordered.LOWEST_PRECEDENCE - 10)
	void create() {
		var organizer = this.accounts.findByEmail("orga@test.com").orElse(null);
		if (organizer == null || !this.events.forAccount(organizer.id(), true).isEmpty()) {
			return;
		}
		var event = this.events.create(organizer.id(), new EventDraft("Marathon de Lyon (démo)",
				LocalDate.now().plusDays(10), "Lyon", "course à pied",
				"42,195 km des quais du Rhône à la place Bellecour. Tapez votre numéro de dossard ou votre nom : "
						+ "toutes les photos où vous apparaissez s'affichent, en aperçu filigrané, à télécharger "
						+ "en haute définition.",
				Visibility.PUBLIC, false, null, null, "#E8542F", null));
		this.events.addPhotographer(event.id(), organizer.id(), "photographe@test.com");
		this.startLists.importFile(event.id(), organizer.id(), START_LIST.getBytes(StandardCharsets.UTF_8), false);
		log.info("Demo event created: {} (/pro/events/{})", event.name(), event.id());
	}

}

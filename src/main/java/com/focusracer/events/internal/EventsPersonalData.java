package com.focusracer.events.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.mail.Outbox;
import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The start-list entries that carry a person's address: exported, and anonymised on
 * erasure (the bib and category stay, for the results), the organizer told so that the
 * next import does not bring the person back.
 */
@Component
@Order(30)
class EventsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final Outbox outbox;

	private final MessageSource messages;

	EventsPersonalData(JdbcClient jdbc, AccountManagement accounts, Outbox outbox, MessageSource messages) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
	}

	@Override
	public String part() {
		return "events";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		export.table("start-list-entries", this.jdbc.sql("""
				select e.name as event, e.slug, e.event_date, s.bib, s.first_name, s.last_name, s.email, s.category,
				       s.club, s.gender, s.birth_year, s.updated_at
				from start_list_entry s join event e on e.id = s.event_id
				where lower(s.email) = ? order by e.event_date, s.bib""").param(person.email()).query().listOfRows());
	}

	@Override
	public java.util.Optional<String> deletionBlocker(Person person) {
		if (!person.hasAccount()) {
			return java.util.Optional.empty();
		}
		long running = this.jdbc.sql("select count(*) from event where owner_id = ? and not archived")
			.param(person.accountId())
			.query(Long.class)
			.single();
		return (running > 0) ? java.util.Optional.of("privacy.delete.eventsOpen") : java.util.Optional.empty();
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (!erasure.everything()) {
			return List.of();
		}
		String email = erasure.person().email();
		List<Map<String, Object>> entries = this.jdbc.sql("""
				select s.event_id, s.bib, e.name, e.owner_id from start_list_entry s join event e on e.id = s.event_id
				where lower(s.email) = ?""").param(email).query().listOfRows();
		List<UUID> events = entries.stream().map((row) -> (UUID) row.get("event_id")).distinct().toList();
		int uploads = 0;
		for (UUID event : events) {
			// A file kept between preview and import may list the person too.
			uploads += this.jdbc.sql("delete from start_list_upload where event_id = ?").param(event).update();
		}
		int anonymised = this.jdbc.sql("""
				update start_list_entry set first_name = '', last_name = '', email = null, club = null, gender = null,
				    birth_year = null, updated_at = now()
				where lower(email) = ?""").param(email).update();
		int told = 0;
		for (Map<String, Object> entry : entries) {
			UUID owner = (UUID) entry.get("owner_id");
			var organizer = this.accounts.find(owner);
			if (organizer.isPresent()) {
				Locale locale = Locale.forLanguageTag(organizer.get().locale());
				Object[] args = { entry.get("name"), entry.get("bib"), erasure.reference() };
				this.outbox.queue(organizer.get().email(),
						this.messages.getMessage("privacy.mail.organizer.subject", args, locale),
						this.messages.getMessage("privacy.mail.organizer.body", args, locale));
				told++;
			}
		}
		List<Erased> done = new ArrayList<>();
		if (erasure.person().hasAccount()) {
			done.add(new Erased("event team memberships ended",
					this.jdbc.sql("delete from event_member where account_id = ?")
						.param(erasure.person().accountId())
						.update()));
		}
		done.add(new Erased("start-list entries anonymised", anonymised));
		done.add(new Erased("kept start-list files deleted", uploads));
		done.add(new Erased("organizers told", told));
		return done;
	}

}

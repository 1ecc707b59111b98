package com.focusracer.timing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.focusracer.events.EntryRef;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.StartLists;
import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;
import com.focusracer.privacy.Person;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's chip passings (found through the start lists by their address, before the
 * start lists forget them): exported, and deleted with the clock-offset anchors that name
 * their bib when they ask for erasure.
 */
@Component
@Order(25)
class TimingPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final StartLists startLists;

	private final EventManagement events;

	TimingPersonalData(JdbcClient jdbc, StartLists startLists, EventManagement events) {
		this.jdbc = jdbc;
		this.startLists = startLists;
		this.events = events;
	}

	@Override
	public String part() {
		return "timing";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		List<Map<String, Object>> passings = new ArrayList<>();
		for (EntryRef entry : this.startLists.entriesOf(person.email())) {
			Event event = this.events.get(entry.eventId()).orElse(null);
			if (event == null) {
				continue;
			}
			for (Map<String, Object> row : this.jdbc
				.sql("""
						select p.name, p.distance_km, t.passed_at from timing_passing t join timing_point p on p.id = t.point_id
						where t.event_id = ? and t.bib = ? order by t.passed_at""")
				.params(entry.eventId(), entry.bib())
				.query()
				.listOfRows()) {
				Map<String, Object> passing = new LinkedHashMap<>();
				passing.put("event", event.name());
				passing.put("bib", entry.bib());
				passing.put("timing_point", row.get("name"));
				passing.put("distance_km", row.get("distance_km"));
				passing.put("passed_at", row.get("passed_at"));
				passings.add(passing);
			}
		}
		export.table("timing-passings", passings);
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (erasure.scope() == Erasure.Scope.PHOTOS) {
			return List.of();
		}
		long passings = 0;
		long anchors = 0;
		for (EntryRef entry : this.startLists.entriesOf(erasure.person().email())) {
			passings += this.jdbc.sql("delete from timing_passing where event_id = ? and bib = ?")
				.params(entry.eventId(), entry.bib())
				.update();
			anchors += this.jdbc.sql("delete from clock_anchor where event_id = ? and bib = ?")
				.params(entry.eventId(), entry.bib())
				.update();
		}
		return List.of(new Erased("timing passings deleted", passings),
				new Erased("clock-offset anchors deleted", anchors));
	}

}

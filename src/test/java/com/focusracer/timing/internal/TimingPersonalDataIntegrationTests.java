package com.focusracer.timing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalDataExport;
import com.focusracer.timing.PassingFormat;
import com.focusracer.timing.Timing;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runner's passings are in their personal-data export and go with their erasure; the
 * other runners' stay.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TimingPersonalDataIntegrationTests {

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	StartLists startLists;

	@Autowired
	Timing timing;

	@Autowired
	TimingPersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRunnersPassingsAreExportedAndErased() throws IOException {
		AccountsTestUtils.TestAccount owner = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(owner.id());
		String email = AccountsTestUtils.uniqueEmail("timed");
		this.startLists.save(event.id(), owner.id(), new Runner("77", "Anatole", "P", email, null, null, null, null));
		this.startLists.save(event.id(), owner.id(), new Runner("78", "Other", "R", null, null, null, null, null));
		this.timing.savePoint(event.id(), owner.id(), null, "SEMI", 21.1);
		this.timing.importPassings(event.id(), owner.id(), null, PassingFormat.CSV,
				"bib;point;time\n77;SEMI;10:42:00\n78;SEMI;10:42:01\n".getBytes(StandardCharsets.UTF_8), null);
		Person person = new Person(null, email, null, "fr");
		Map<String, List<Map<String, Object>>> tables = new HashMap<>();
		this.personalData.export(person, new PersonalDataExport() {

			@Override
			public void table(String name, List<Map<String, Object>> rows) {
				tables.put(name, rows);
			}

			@Override
			public void document(String name, Map<String, Object> document) {
			}

		});
		assertThat(tables.get("timing-passings")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("bib", "77").containsEntry("timing_point", "SEMI"));
		this.personalData.erase(new Erasure(person, "test", Set.of(), Erasure.Scope.EVERYTHING));
		assertThat(this.jdbc.sql("select bib from timing_passing where event_id = ?")
			.param(event.id())
			.query(String.class)
			.list()).containsExactly("78");
	}

}

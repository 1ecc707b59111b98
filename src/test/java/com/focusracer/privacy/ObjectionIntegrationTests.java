package com.focusracer.privacy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.shop.ShopTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An objection to face recognition deletes the face templates on the person's photos and
 * nothing else of theirs.
 */
@SpringBootTest
class ObjectionIntegrationTests {

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	StartLists startLists;

	@Autowired
	PhotosTestUtils photos;

	@Autowired
	PrivacyRequests requests;

	@Autowired
	PrivacyErasures erasures;

	@Autowired
	PrivacyRegister register;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anObjectionDeletesOnlyTheFaceTemplates() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aTrailWithFaces(organizer.id());
		String email = AccountsTestUtils.uniqueEmail("objects");
		this.startLists.save(event.id(), organizer.id(),
				new Runner("9", "Odile", "Sans-Visage", email, null, null, null, null));
		List<UUID> ids = this.photos.publish(event.id(), organizer.id(), ShopTestUtils.runners(null, 1));
		this.jdbc
			.sql("insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, '9', 'OCR', 0.9)")
			.params(ids.get(0), event.id())
			.update();
		this.jdbc.sql("""
				insert into face (id, photo_id, event_id, box_x, box_y, box_w, box_h, score, quality, embedding)
				values (?, ?, ?, 0.1, 0.1, 0.2, 0.2, 0.9, 0.8, '{0.1,0.2}')""")
			.params(UUID.randomUUID(), ids.get(0), event.id())
			.update();
		PrivacyRequest request = this.requests.fileSignedIn(new Person(null, email, null, "fr"), RequestType.OBJECTION,
				"", "", Locale.FRENCH);
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);

		this.erasures.start(request.id(), new Person(admin.id(), admin.email(), null, "fr"));

		assertThat(this.jdbc.sql("select count(*) from face where photo_id = ?")
			.param(ids.get(0))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from start_list_entry where lower(email) = ? and last_name = 'Sans-Visage'")
			.param(email)
			.query(Long.class)
			.single()).isOne();
		PrivacyRequest done = this.register.get(request.id());
		assertThat(done.status()).isEqualTo(RequestStatus.DONE);
		assertThat(done.email()).isEqualTo(email);
		assertThat(this.register.steps(request.id()))
			.anySatisfy((step) -> assertThat(step.action()).isEqualTo("face templates on linked photos deleted"))
			.noneSatisfy((step) -> assertThat(step.part()).isEqualTo("events").matches((s) -> step.rows() > 0));
	}

}

package com.focusracer.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An erasure that stops half-way (here a part that fails once, as a node that dies)
 * resumes at the part that stopped it: the parts already recorded are not run again.
 */
@SpringBootTest
class ErasureResumeIntegrationTests {

	static final AtomicInteger failures = new AtomicInteger(1);

	@TestConfiguration
	static class FailingOnce {

		@Bean
		@Order(35)
		PersonalData failingOnce() {
			return new PersonalData() {

				@Override
				public String part() {
					return "test";
				}

				@Override
				public void export(Person person, PersonalDataExport export) {
				}

				@Override
				public List<Erased> erase(Erasure erasure) {
					if (failures.getAndDecrement() > 0) {
						throw new IllegalStateException("node stopped");
					}
					return List.of(new Erased("test rows", 1));
				}

			};
		}

	}

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	StartLists startLists;

	@Autowired
	PrivacyRequests requests;

	@Autowired
	PrivacyErasures erasures;

	@Autowired
	PrivacyRegister register;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStoppedErasureResumesAtTheNextPart() {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(organizer.id());
		String email = AccountsTestUtils.uniqueEmail("guest");
		this.startLists.save(event.id(), organizer.id(),
				new Runner("77", "Anatole", "Pélissier-Vaudran", email, null, null, null, null));
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		PrivacyRequest request = this.requests.fileSignedIn(new Person(null, email, null, "fr"), RequestType.ERASURE,
				"", "", Locale.FRENCH);
		Person admin = new Person(runner.id(), runner.email(), null, "fr");

		assertThatIllegalStateException().isThrownBy(() -> this.erasures.start(request.id(), admin));
		assertThat(parts(request)).containsExactly("gallery", "share-images", "recognition", "timing", "events");
		assertThat(this.register.get(request.id()).status()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(organizerNotices(organizer)).isOne();

		// Not yet stopped for long: the sweep leaves it to the node running it.
		this.erasures.resumeStopped();
		assertThat(parts(request)).containsExactly("gallery", "share-images", "recognition", "timing", "events");
		this.jdbc.sql("update privacy_request set erasure_started_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), request.id())
			.update();
		this.erasures.resumeStopped();

		assertThat(parts(request)).containsExactly("gallery", "share-images", "recognition", "timing", "events", "test",
				"shop", "notice", "mail", "marketplace", "accounts", "privacy");
		assertThat(this.register.get(request.id()).status()).isEqualTo(RequestStatus.DONE);
		// The organizer was told once: the events part did not run again.
		assertThat(organizerNotices(organizer)).isOne();
		assertThat(this.jdbc.sql("select count(*) from start_list_entry where event_id = ? and last_name = ''")
			.param(event.id())
			.query(Long.class)
			.single()).isOne();
	}

	private List<String> parts(PrivacyRequest request) {
		return this.jdbc.sql("""
				select part from privacy_request_step where request_id = ? group by part order by min(position)""")
			.param(request.id())
			.query(String.class)
			.list();
	}

	private long organizerNotices(TestAccount organizer) {
		return this.accounts.mailsTo(organizer.email())
			.stream()
			.filter((mail) -> mail.subject().startsWith("Inscription anonymisée"))
			.count();
	}

}

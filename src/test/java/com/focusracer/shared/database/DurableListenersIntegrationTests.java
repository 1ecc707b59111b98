package com.focusracer.shared.database;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;
import com.focusracer.gallery.PhotoAlerts;
import com.focusracer.mail.Outbox;
import com.focusracer.photos.PhotoDeleted;
import com.focusracer.photos.PhotoPublished;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work another module must not lose is done by durable listeners: the event is stored
 * with the change that published it, and a node that dies before its listener finished
 * leaves it to be run again by whichever node resubmits.
 */
@SpringBootTest
class DurableListenersIntegrationTests {

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventManagement events;

	@Autowired
	PhotosTestUtils published;

	@Autowired
	PhotoAlerts alerts;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	EventPublicationResubmission resubmission;

	@Test
	void aPhotoPublishedJustBeforeANodeDiedStillAlertsItsRunner() throws Exception {
		TestAccount pro = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.create(pro.id(), new EventDraft("Course " + UUID.randomUUID(), LocalDate.now(),
				"Lyon", "running", null, Visibility.PUBLIC, false, null, null, null, null));
		UUID photo = this.published.publish(event.id(), pro.id(), Photos.aRunner(1800, 1200, "5151", Color.BLUE, 41))
			.get(0);
		String email = AccountsTestUtils.uniqueEmail("durable");
		this.alerts.request(event, "5151", email, java.util.Locale.FRENCH);
		String token = this.jdbc.sql("select token from photo_alert where email = ?")
			.param(email)
			.query(String.class)
			.single();
		this.alerts.confirm(token);
		// The state a node leaves when it dies right after committing the photo's
		// publication, before the alerts heard of it: the photo is public, its alert
		// has no news, and the publication is incomplete.
		this.jdbc.sql("update photo_alert set pending_since = null where email = ?").param(email).update();
		Map<String, Object> publication = storedPublication(new PhotoPublished(event.id(), photo), "PhotoAlerts");
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               status, completion_attempts)
				values (?, ?, ?, ?, ?, 'PUBLISHED', 0)""")
			.params(UUID.randomUUID(), publication.get("listener_id"), publication.get("event_type"),
					publication.get("serialized_event"),
					java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofMinutes(10))))
			.update();
		this.alerts.sendDue();
		assertThat(this.outbox.latest(email, 10)).as("only the confirmation so far").hasSize(1);

		// Another node, a minute later.
		assertThat(this.resubmission.resubmit()).isGreaterThanOrEqualTo(1);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
				.param("%" + photo + "%")
				.query(Long.class)
				.single()).isZero());
		this.alerts.sendDue();
		assertThat(this.outbox.latest(email, 10)).hasSize(2)
			.anySatisfy((mail) -> assertThat(mail.subject()).contains("en ligne"));
	}

	@Test
	void aDeletedPhotosRecognitionDataIsForgottenByADurableListener() {
		UUID photo = UUID.randomUUID();
		assertThat(storedPublication(new PhotoDeleted(UUID.randomUUID(), photo), "DeletedPhotos"))
			.as("stored in the deleting transaction")
			.isNotEmpty();
	}

	@Test
	void oneNodeAtATimeResubmits() throws Exception {
		java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		Thread other = new Thread(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(?)").param(0x466F637573L).query(Object.class).single();
			locked.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		other.start();
		try {
			assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(this.resubmission.resubmit()).as("another node is resubmitting").isEqualTo(-1);
		}
		finally {
			release.countDown();
			other.join(10_000);
		}
		assertThat(this.resubmission.resubmit()).isNotNegative();
	}

	/**
	 * The publication the registry stores for one listener of an event, read inside the
	 * publishing transaction, which is then rolled back (nothing runs).
	 */
	private Map<String, Object> storedPublication(Object event, String listener) {
		return this.transactions.execute((status) -> {
			this.publisher.publishEvent(event);
			List<Map<String, Object>> rows = this.jdbc
				.sql("select listener_id, event_type, serialized_event from event_publication "
						+ "where completion_date is null and listener_id like ? and serialized_event like ?")
				.params("%" + listener + "%", "%" + event.toString().replaceAll(".*photoId=([^,\\]]+).*", "$1") + "%")
				.query()
				.listOfRows();
			status.setRollbackOnly();
			assertThat(rows).hasSize(1);
			return rows.get(0);
		});
	}

}

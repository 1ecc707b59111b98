package com.focusracer.gallery;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;
import com.focusracer.mail.Outbox;
import com.focusracer.mail.OutboxMail;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.privacy.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Runners acting on their photos: "this is me" and "not me" change what the public search
 * finds and are audited; "hide me" hides at once until the team decides; "notify me"
 * sends one confirmation, then one e-mail per batch of published photos.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RunnerActionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventManagement events;

	@Autowired
	PhotoManagement photos;

	@Autowired
	PhotoAlerts alerts;

	@Autowired
	Outbox outbox;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	PhotosTestUtils published;

	@Autowired
	StartLists startLists;

	@Autowired
	AccountManagement accountManagement;

	private final ObjectMapper json = new ObjectMapper();

	private TestAccount photographer;

	private Event event;

	@BeforeEach
	void anEvent() {
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.event = this.events.create(this.photographer.id(), new EventDraft("Course " + UUID.randomUUID(),
				LocalDate.now(), "Lyon", "running", null, Visibility.PUBLIC, false, null, null, null, null));
	}

	@Test
	void aRunnerSaysThisIsMeNotMeAndHidesAPhotoTheTeamReviews() throws Exception {
		List<UUID> ids = this.published.publish(this.event.id(), this.photographer.id(),
				Photos.aRunner(1800, 1200, "1975", Color.BLUE, 11), Photos.aRunner(1800, 1200, null, Color.GREEN, 12));
		UUID withBib = ids.get(0);
		UUID withoutBib = ids.get(1);
		assertThat(found("1975")).containsExactly(withBib.toString());
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);

		this.mvc.perform(post("/account/photos/" + withoutBib + "/this-is-me").param("bib", "1975")
			.with(user(this.accounts.principal(runner)))
			.with(csrf()));
		assertThat(found("1975")).containsExactlyInAnyOrder(withBib.toString(), withoutBib.toString());

		// Their bib at this event is now 1975: another one is refused, nothing changes.
		String refused = this.mvc
			.perform(post("/account/photos/" + withoutBib + "/this-is-me").param("bib", "42")
				.with(user(this.accounts.principal(runner)))
				.with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("error")
			.toString();
		assertThat(refused).contains("1975");
		assertThat(found("42")).isEmpty();

		this.mvc.perform(post("/account/photos/" + withBib + "/not-me").param("bib", "1975")
			.with(user(this.accounts.principal(runner)))
			.with(csrf()));
		assertThat(found("1975")).containsExactly(withoutBib.toString());
		assertThat(this.audit.latest(withBib.toString(), 10, 0)).anyMatch((e) -> e.action().equals("photo.notMe"));
		assertThat(this.audit.latest(withoutBib.toString(), 10, 0))
			.anyMatch((e) -> e.action().equals("photo.thisIsMe"));

		// Hide me: gone at once, waiting for the team, who publish it again.
		this.mvc.perform(post("/account/photos/" + withoutBib + "/hide").with(user(this.accounts.principal(runner)))
			.with(csrf()));
		assertThat(found("1975")).isEmpty();
		String review = this.mvc
			.perform(get("/pro/events/" + this.event.id() + "/hide-requests")
				.with(user(this.accounts.principal(this.photographer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(review).contains(withoutBib.toString());
		UUID request = this.jdbc.sql("select id from hide_request where photo_id = ?")
			.param(withoutBib)
			.query(UUID.class)
			.single();
		TestAccount stranger = this.accounts.aPro(ProProfile.ORGANIZER);
		assertThat(this.mvc
			.perform(post("/pro/hide-requests/" + request).param("decision", "restore")
				.with(user(this.accounts.principal(stranger)))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).as("another organizer").isEqualTo(404);
		this.mvc.perform(post("/pro/hide-requests/" + request).param("decision", "restore")
			.with(user(this.accounts.principal(this.photographer)))
			.with(csrf()));
		assertThat(found("1975")).containsExactly(withoutBib.toString());
	}

	@Test
	void aHideRequestIsDecidedByThePhotosAuthorOrTheOwnerNotByAnotherPhotographer() throws Exception {
		TestAccount ann = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount bob = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.events.addPhotographer(this.event.id(), this.photographer.id(), ann.email());
		this.events.addPhotographer(this.event.id(), this.photographer.id(), bob.email());
		UUID bobsPhoto = this.published
			.publish(this.event.id(), bob.id(), Photos.aRunner(1200, 800, "2024", Color.ORANGE, 21))
			.get(0);
		this.mvc.perform(post("/account/photos/" + bobsPhoto + "/hide")
			.with(user(this.accounts.principal(this.accounts.anAccount(Role.RUNNER))))
			.with(csrf()));
		assertThat(found("2024")).isEmpty();
		UUID request = this.jdbc.sql("select id from hide_request where photo_id = ?")
			.param(bobsPhoto)
			.query(UUID.class)
			.single();

		Object error = this.mvc
			.perform(post("/pro/hide-requests/" + request).param("decision", "restore")
				.with(user(this.accounts.principal(ann)))
				.with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("error");
		assertThat(error).asString().contains("un autre photographe");
		assertThat(found("2024")).as("still hidden").isEmpty();
		assertThat(this.jdbc.sql("select status from hide_request where id = ?")
			.param(request)
			.query(String.class)
			.single()).isEqualTo("PENDING");

		this.mvc.perform(post("/pro/hide-requests/" + request).param("decision", "restore")
			.with(user(this.accounts.principal(bob)))
			.with(csrf()));
		assertThat(found("2024")).containsExactly(bobsPhoto.toString());
	}

	@Test
	void twoNodesSendingAlertsAtOnceSendEachAlertOnce() throws Exception {
		String email = AccountsTestUtils.uniqueEmail("alert-twice");
		this.mvc.perform(post("/events/" + this.event.slug() + "/alerts").param("bib", "4242")
			.param("email", email)
			.with(csrf()));
		this.mvc.perform(get(link(this.outbox.latest(email, 10).get(0).body(), "/confirm")));
		this.published.publish(this.event.id(), this.photographer.id(),
				Photos.aRunner(1800, 1200, "4242", Color.BLUE, 31));
		// Node A sends in a transaction that is still open; node B sends meanwhile.
		java.util.concurrent.CountDownLatch sentByA = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch commitA = new java.util.concurrent.CountDownLatch(1);
		Thread nodeA = new Thread(() -> this.transactions.executeWithoutResult((status) -> {
			this.alerts.sendDue();
			sentByA.countDown();
			try {
				commitA.await(20, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		nodeA.start();
		assertThat(sentByA.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		Thread nodeB = new Thread(this.alerts::sendDue);
		nodeB.start();
		nodeB.join(5000);
		commitA.countDown();
		nodeA.join(20000);
		nodeB.join(20000);
		assertThat(this.outbox.latest(email, 10)).as("the confirmation and one alert, not two")
			.hasSize(2)
			.anySatisfy((mail) -> assertThat(mail.subject()).contains("en ligne"));
	}

	@Test
	void aBibWithLettersAndAHyphenIsCorrectedClaimedAlertedAndFoundLikeAnyOther() throws Exception {
		// The organizer's start list has AB-12: imported as it is.
		assertThat(this.startLists
			.importFile(this.event.id(), this.photographer.id(),
					"Dossard;Nom;Prénom\nAB-12;Martin;Léa\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), false)
			.imported()).isEqualTo(1);
		List<UUID> ids = this.published.publish(this.event.id(), this.photographer.id(),
				Photos.aRunner(1800, 1200, null, Color.BLUE, 31), Photos.aRunner(1800, 1200, null, Color.GREEN, 32));

		// The team corrects the first photo by hand: AB-12 is on it.
		String token = "Bearer " + this.accountManagement.createPersonalToken(this.photographer.id(), "t").token();
		this.mvc
			.perform(put("/api/v1/photos/" + ids.get(0) + "/bibs").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bibs\": [\"ab-12\"]}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.links[0].bib")
				.value("AB-12"));
		assertThat(found("AB-12")).containsExactly(ids.get(0).toString());

		// Léa says the second one is her too.
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		Object refused = this.mvc
			.perform(post("/account/photos/" + ids.get(1) + "/this-is-me").param("bib", "AB-12")
				.with(user(this.accounts.principal(runner)))
				.with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("error");
		assertThat(refused).isNull();
		assertThat(found("AB-12")).containsExactlyInAnyOrder(ids.get(0).toString(), ids.get(1).toString());

		// The gallery finds both, from the bib link and from the search box.
		for (String search : new String[] { "?bib=AB-12", "?q=ab-12" }) {
			assertThat(this.mvc.perform(get("/events/" + this.event.slug() + search))
				.andReturn()
				.getResponse()
				.getContentAsString()).contains(ids.get(0).toString()).contains(ids.get(1).toString());
		}

		// Her mother asks to be told of new photos of AB-12: asked to confirm.
		String email = AccountsTestUtils.uniqueEmail("alert");
		Object error = this.mvc
			.perform(post("/events/" + this.event.slug() + "/alerts").param("bib", "AB-12")
				.param("email", email)
				.with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("error");
		assertThat(error).isNull();
		assertThat(this.outbox.latest(email, 10)).singleElement()
			.satisfies((mail) -> assertThat(mail.subject()).contains("Confirmez"));
	}

	@Test
	void notifyMeConfirmsOnceThenSendsOneEmailPerBatch() throws Exception {
		String email = AccountsTestUtils.uniqueEmail("alert");
		this.mvc.perform(post("/events/" + this.event.slug() + "/alerts").param("bib", "3638")
			.param("email", email)
			.with(csrf()));
		List<OutboxMail> mails = this.outbox.latest(email, 10);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).subject()).contains("Confirmez");
		String confirm = link(mails.get(0).body(), "/confirm");
		String unsubscribe = link(mails.get(0).body(), "/unsubscribe");

		// Photos before confirmation send nothing.
		this.published.publish(this.event.id(), this.photographer.id(),
				Photos.aRunner(1800, 1200, "3638", Color.BLUE, 21));
		this.alerts.sendDue();
		assertThat(this.outbox.latest(email, 10)).hasSize(1);

		assertThat(this.mvc.perform(get(confirm)).andReturn().getResponse().getContentAsString())
			.contains("alert-confirmed");
		this.alerts.sendDue();
		List<OutboxMail> afterConfirm = this.outbox.latest(email, 10);
		assertThat(afterConfirm).hasSize(2);
		assertThat(afterConfirm.get(0).subject()).contains("en ligne");
		assertThat(afterConfirm.get(0).body()).contains("/events/" + this.event.slug() + "?bib=3638")
			.contains(unsubscribe);

		// More photos within the hour: no second e-mail.
		this.published.publish(this.event.id(), this.photographer.id(),
				Photos.aRunner(1800, 1200, "3638", Color.RED, 22));
		this.alerts.sendDue();
		assertThat(this.outbox.latest(email, 10)).hasSize(2);

		// Asking again for a confirmed address sends nothing; unsubscribing stops it.
		this.mvc.perform(post("/events/" + this.event.slug() + "/alerts").param("bib", "3638")
			.param("email", email)
			.with(csrf()));
		assertThat(this.outbox.latest(email, 10)).hasSize(2);
		assertThat(this.mvc.perform(get(unsubscribe)).andReturn().getResponse().getContentAsString())
			.contains("alert-stopped");
		this.jdbc
			.sql("update photo_alert set last_sent_at = now() - interval '2 hours', pending_since = now() "
					+ "where email = ?")
			.param(email)
			.update();
		this.alerts.sendDue();
		assertThat(this.outbox.latest(email, 10)).hasSize(2);

		// A bad address is refused with what to do, nothing stored.
		String error = this.mvc
			.perform(post("/events/" + this.event.slug() + "/alerts").param("bib", "3638")
				.param("email", "pas-une-adresse")
				.with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("error")
			.toString();
		assertThat(error).contains("exemple");
		assertThat(this.jdbc.sql("select count(*) from photo_alert where email = 'pas-une-adresse'")
			.query(Long.class)
			.single()).isZero();
	}

	private static String link(String body, String ending) {
		for (String word : body.split("\\s+")) {
			if (word.startsWith("http") && word.endsWith(ending)) {
				return word.substring(word.indexOf("/alerts/"));
			}
		}
		throw new AssertionError("no link ending in " + ending + " in " + body);
	}

	private List<String> found(String bib) throws Exception {
		JsonNode page = this.json
			.readTree(this.mvc.perform(get("/api/v1/public/events/" + this.event.slug() + "/photos").param("bib", bib))
				.andReturn()
				.getResponse()
				.getContentAsString());
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asText()));
		return ids;
	}

}

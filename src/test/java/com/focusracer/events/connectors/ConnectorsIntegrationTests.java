package com.focusracer.events.connectors;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Connectors;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;

import org.assertj.core.groups.Tuple;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration connectors end to end: the pages, encrypted credentials, the usual
 * preview, the scheduled re-sync and its pending removals, the rate limit and ownership,
 * against WireMock answering the platforms' shapes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
		properties = { "focusracer.rate-limits.connector.capacity=4", "focusracer.events.connectors.sync-poll=PT1H" })
class ConnectorsIntegrationTests {

	static final WireMockServer STUB = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		STUB.start();
	}

	@DynamicPropertySource
	static void platforms(DynamicPropertyRegistry registry) {
		registry.add("focusracer.events.connectors.njuko.base-url", STUB::baseUrl);
		registry.add("focusracer.events.connectors.race-result.base-url", STUB::baseUrl);
		registry.add("focusracer.events.connectors.run-signup.base-url", STUB::baseUrl);
	}

	@AfterAll
	static void stop() {
		STUB.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventManagement events;

	@Autowired
	StartLists startLists;

	@Autowired
	Connectors connectors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConnectorRepository repository;

	@Autowired
	TransactionTemplate transactions;

	TestAccount organizer;

	MockHttpSession session;

	Event event;

	@BeforeEach
	void anOrganizerWithARaceNextMonth() throws Exception {
		STUB.resetAll();
		this.organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		this.session = AccountsTestUtils.logIn(this.mvc, this.organizer);
		this.event = this.events.create(this.organizer.id(),
				new EventDraft("Semi de Nîmes", LocalDate.now().plusDays(30), "Nîmes", "running", null,
						Visibility.PUBLIC, false, null, null, null, null));
	}

	@Test
	void importsFromNjukoThroughTheUsualPreview() throws Exception {
		PlatformStubs.njuko(STUB, lea("c10"));
		saveNjuko();
		this.mvc.perform(post(base() + "/test").session(this.session).with(csrf()))
			.andExpect(flash().attribute("notice", containsString("2")));
		String preview = this.mvc.perform(post(base() + "/import").session(this.session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(preview).startsWith("/pro/events/" + this.event.id() + "/start-list/uploads/");
		this.mvc.perform(get(preview).session(this.session))
			.andExpect(content().string(containsString("id=\"added-count\">3<")));
		assertThat(this.connectors.status(this.event.id(), this.organizer.id()).orElseThrow().nextSyncAt())
			.as("no re-sync before the organizer applied a first import")
			.isNull();
		this.mvc.perform(post(preview + "/apply").session(this.session).with(csrf()).param("mode", "all"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.connectors.status(this.event.id(), this.organizer.id()).orElseThrow().nextSyncAt())
			.isAfter(Instant.now().plusSeconds(14 * 60));
		assertThat(this.startLists.runnersOf(this.event.id())).extracting(Runner::bib, Runner::category)
			.containsExactly(Tuple.tuple("101", "10 km"), Tuple.tuple("102", "Semi-marathon"),
					Tuple.tuple("103", "10 km"));
	}

	@Test
	void keepsTheCredentialsEncryptedAndNeverShowsThem() throws Exception {
		saveNjuko();
		String row = this.jdbc.sql("select c::text from start_list_connector c where event_id = ?")
			.param(this.event.id())
			.query(String.class)
			.single();
		byte[] sealed = this.jdbc.sql("select credentials from start_list_connector where event_id = ?")
			.param(this.event.id())
			.query(byte[].class)
			.single();
		assertThat(row).doesNotContain(PlatformStubs.NJUKO_KEY);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(PlatformStubs.NJUKO_KEY);
		String page = this.mvc.perform(get(base()).session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(PlatformStubs.NJUKO_KEY)
			.contains(PlatformStubs.NJUKO_KEY.substring(PlatformStubs.NJUKO_KEY.length() - 4))
			.contains(PlatformStubs.NJUKO_EDITION);
	}

	@Test
	void aRefusedKeyIsExplainedAndImportsNothing() throws Exception {
		STUB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
		saveNjuko();
		this.mvc.perform(post(base() + "/import").session(this.session).with(csrf()))
			.andExpect(flash().attribute("error", containsString("Njuko a refusé la clé")));
		assertThat(this.startLists.count(this.event.id())).isZero();
	}

	@Test
	void credentialsSealedWithAnotherKeyAskToBeEnteredAgain() throws Exception {
		saveNjuko();
		this.jdbc.sql("update start_list_connector set credentials = ? where event_id = ?")
			.params(new ConnectorSecrets(new com.focusracer.events.ConnectorsProperties(
					java.util.Base64.getEncoder().encodeToString(new byte[32]), null, null, null, null, null, null,
					null, null, null, null, null))
				.encrypt(this.event.id(), new com.focusracer.events.StartListSource.Credentials("e", null, "k", null)),
					this.event.id())
			.update();
		this.mvc.perform(post(base() + "/test").session(this.session).with(csrf()))
			.andExpect(flash().attribute("error", containsString("enregistrez-les de nouveau")));
	}

	@Test
	void importsFromRaceResultAndRunSignup() throws Exception {
		PlatformStubs.raceResult(STUB);
		this.mvc.perform(post(base()).session(this.session)
			.with(csrf())
			.param("platform", "raceresult")
			.param("reference", PlatformStubs.RACERESULT_EVENT)
			.param("key", PlatformStubs.RACERESULT_KEY));
		UUID upload = this.connectors.fetch(this.event.id(), this.organizer.id());
		this.startLists.applyUpload(this.event.id(), this.organizer.id(), upload, false);
		assertThat(this.startLists.runnersOf(this.event.id())).extracting(Runner::bib, Runner::chip)
			.containsExactly(Tuple.tuple("7", "CHIP7"), Tuple.tuple("8", null));

		PlatformStubs.runSignup(STUB);
		this.mvc.perform(post(base()).session(this.session)
			.with(csrf())
			.param("platform", "runsignup")
			.param("reference", PlatformStubs.RUNSIGNUP_RACE)
			.param("subReference", PlatformStubs.RUNSIGNUP_EVENT)
			.param("key", PlatformStubs.RUNSIGNUP_KEY)
			.param("secret", PlatformStubs.RUNSIGNUP_SECRET));
		upload = this.connectors.fetch(this.event.id(), this.organizer.id());
		this.startLists.applyUpload(this.event.id(), this.organizer.id(), upload, false);
		assertThat(this.startLists.count(this.event.id())).isEqualTo(RunSignupSource.PAGE_SIZE + 1);
	}

	@Test
	void aResyncAppliesTheDiffAndKeepsRunnersWithPhotosUntilConfirmed() throws Exception {
		PlatformStubs.njuko(STUB, lea("c10"));
		saveNjuko();
		assertThat(syncNow()).isEqualTo(1);
		assertThat(this.startLists.count(this.event.id())).isEqualTo(3);
		// 101 has a photo; then Njuko drops 101 and 103, and Léa changes race.
		this.jdbc
			.sql("insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, '101', 'OCR', 1)")
			.params(UUID.randomUUID(), this.event.id())
			.update();
		STUB.resetAll();
		PlatformStubs.njuko(STUB, lea("c21"));
		PlatformStubs.njukoFirstPage(STUB, 2,
				PlatformStubs.njukoRegistration("r2", "102", "Zoé", "Lefèvre", "zoe@example.fr", "c21", "VALIDATED"),
				PlatformStubs.njukoRegistration("r9", "109", "Noé", "Petit", "noe@example.fr", "c10", "VALIDATED"));
		assertThat(syncNow()).isEqualTo(1);
		assertThat(this.startLists.runnersOf(this.event.id())).extracting(Runner::bib)
			.as("103 is gone, 109 came, 101 stays for its photos")
			.containsExactly("101", "102", "109");
		String page = this.mvc.perform(get(base()).session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"last-sync\"")
			.contains("1 ajouté(s), 0 modifié(s), 1 retiré(s)")
			.contains("id=\"pending-removals\"");
		this.mvc.perform(get("/pro/events/" + this.event.id()).session(this.session))
			.andExpect(content().string(containsString("id=\"confirm-removals\"")));
		this.mvc.perform(post(base() + "/removals/confirm").session(this.session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.startLists.runnersOf(this.event.id())).extracting(Runner::bib).containsExactly("102", "109");
	}

	@Test
	void aSecondImportPreviewsWhatChanged() throws Exception {
		PlatformStubs.njuko(STUB, lea("c10"));
		saveNjuko();
		this.startLists.applyUpload(this.event.id(), this.organizer.id(),
				this.connectors.fetch(this.event.id(), this.organizer.id()), false);
		STUB.resetAll();
		// Léa moves to the semi; 101 and 102 are replaced by 109 and 110.
		PlatformStubs.njuko(STUB, lea("c21"));
		PlatformStubs.njukoFirstPage(STUB, 3,
				PlatformStubs.njukoRegistration("r9", "109", "Noé", "Petit", "noe@example.fr", "c10", "VALIDATED"),
				PlatformStubs.njukoRegistration("r10", "110", "Ana", "Roux", "ana@example.fr", "c10", "VALIDATED"));
		String preview = this.mvc.perform(post(base() + "/import").session(this.session).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(preview).session(this.session))
			.andExpect(content().string(containsString("id=\"added-count\">2<")))
			.andExpect(content().string(containsString("id=\"changed-count\">1<")))
			.andExpect(content().string(containsString("id=\"removed-count\">2<")));
	}

	@Test
	void oneNodeClaimsEachDueConnector() throws Exception {
		saveNjuko();
		this.jdbc.sql("update start_list_connector set next_sync_at = now() - interval '1 minute' where event_id = ?")
			.param(this.event.id())
			.update();
		Instant now = Instant.now();
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			// The first node holds its claim's transaction open; the second skips the
			// row.
			Future<List<UUID>> first = nodes.submit(() -> this.transactions.execute((tx) -> {
				List<UUID> mine = this.repository.claimDue(now, now.plusSeconds(600), 100);
				claimed.countDown();
				await(done);
				return mine;
			}));
			claimed.await();
			List<UUID> second = nodes.submit(
					() -> this.transactions.execute((tx) -> this.repository.claimDue(now, now.plusSeconds(600), 100)))
				.get(10, TimeUnit.SECONDS);
			done.countDown();
			assertThat(first.get()).contains(this.event.id());
			assertThat(second).doesNotContain(this.event.id());
		}
		finally {
			done.countDown();
			nodes.shutdownNow();
		}
		assertThat(this.repository.claimDue(now, now.plusSeconds(600), 100)).as("the claim moved its next sync")
			.doesNotContain(this.event.id());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void callsToThePlatformAreRateLimitedPerAccount() throws Exception {
		PlatformStubs.njuko(STUB, lea("c10"));
		saveNjuko();
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(post(base() + "/test").session(this.session).with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		this.mvc.perform(post(base() + "/test").session(this.session).with(csrf()))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void anotherProCannotSeeOrUseTheConnector() throws Exception {
		PlatformStubs.njuko(STUB, lea("c10"));
		saveNjuko();
		MockHttpSession stranger = AccountsTestUtils.logIn(this.mvc, this.accounts.aPro(ProProfile.ORGANIZER));
		this.mvc.perform(get(base()).session(stranger)).andExpect(status().isNotFound());
		this.mvc.perform(post(base() + "/test").session(stranger).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(post(base() + "/import").session(stranger).with(csrf())).andExpect(status().isNotFound());
		this.mvc
			.perform(post(base()).session(stranger)
				.with(csrf())
				.param("platform", "njuko")
				.param("reference", "mine")
				.param("key", "stolen-key-0000"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(base() + "/removals/confirm").session(stranger).with(csrf()))
			.andExpect(status().isNotFound());
		STUB.verify(0, anyRequestedFor(anyUrl()));
		assertThat(this.connectors.status(this.event.id(), this.organizer.id()).orElseThrow().reference())
			.isEqualTo(PlatformStubs.NJUKO_EDITION);
	}

	private int syncNow() {
		this.jdbc.sql("update start_list_connector set next_sync_at = now() - interval '1 minute' where event_id = ?")
			.param(this.event.id())
			.update();
		return this.connectors.syncDue();
	}

	private void saveNjuko() throws Exception {
		this.mvc
			.perform(post(base()).session(this.session)
				.with(csrf())
				.param("platform", "njuko")
				.param("reference", PlatformStubs.NJUKO_EDITION)
				.param("key", PlatformStubs.NJUKO_KEY))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("notice"));
	}

	private String base() {
		return "/pro/events/" + this.event.id() + "/connector";
	}

	private static String lea(String competition) {
		return PlatformStubs.njukoRegistration("r3", "103", "Léa", "Martin", "lea@example.fr", competition,
				"VALIDATED");
	}

}

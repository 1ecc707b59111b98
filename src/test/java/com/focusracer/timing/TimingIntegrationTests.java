package com.focusracer.timing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.shared.ratelimit.RealisticRateLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Timing imports in each format (chips turned into bibs, re-import replaces, all or
 * nothing), spots by page and API, who may change what, the import rate limit, and search
 * by time on the public page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class TimingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	EventsTestUtils events;

	@Autowired
	EventManagement eventManagement;

	@Autowired
	TimingFixtures fixtures;

	@Autowired
	Timing timing;

	@Autowired
	JdbcClient jdbc;

	private TestAccount owner;

	private Event event;

	private UUID point;

	@BeforeEach
	void anEventWithChipsAndAPoint() {
		this.owner = this.accounts.aPro(ProProfile.ORGANIZER);
		this.event = this.events.aMarathon(this.owner.id());
		this.fixtures.aStartListWithChips(this.event);
		this.point = this.timing.savePoint(this.event.id(), this.owner.id(), null, "START", 0);
	}

	private int passings(String bib) {
		return this.jdbc.sql("select count(*) from timing_passing where event_id = ? and bib = ?")
			.params(this.event.id(), bib)
			.query(Integer.class)
			.single();
	}

	private TimingImport importFile(PassingFormat format, String text) {
		return this.timing.importPassings(this.event.id(), this.owner.id(), this.point, format,
				text.getBytes(StandardCharsets.UTF_8), null);
	}

	@Test
	void importsEachFormatTurningChipsIntoBibsAndReImportReplaces() {
		TimingImport chrono = importFile(PassingFormat.CHRONOTRACK,
				"CT01_13,24,START,C101X,15:54:48.90,1,117F37,8\nCT01_13,25,START,50101,15:54:49.00,1,117F37,8\n");
		assertThat(chrono.passings()).isEqualTo(1);
		assertThat(chrono.unknownCodes()).isEqualTo(1);
		assertThat(chrono.firstUnknownLines()).containsExactly(2);
		assertThat(passings("101")).isEqualTo(1);
		// The same file again: replaced, never doubled.
		importFile(PassingFormat.CHRONOTRACK, "CT01_13,24,START,C101X,15:54:48.90,1,117F37,8\n");
		assertThat(passings("101")).isEqualTo(1);
		importFile(PassingFormat.WICLAX, "C102X;04-10-2026 08:41:30.620;0A;559;;0\n");
		assertThat(passings("101")).isZero();
		assertThat(passings("102")).isEqualTo(1);
		importFile(PassingFormat.RACE_RESULT, "Bib;TimingPoint;Time\n103;START;30125.5\n");
		importFile(PassingFormat.CSV, "bib,point,time\n104,START,08:30:00+02:00\n105,START,08:30:01+02:00\n");
		assertThat(passings("104") + passings("105")).isEqualTo(2);
		assertThat(passings("103")).isZero();
		Instant at = this.jdbc.sql("select passed_at from timing_passing where bib = '104' and event_id = ?")
			.param(this.event.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(at).isEqualTo(Instant.parse("2026-10-04T06:30:00Z"));
	}

	@Test
	void aBadLineImportsNothing() {
		importFile(PassingFormat.CSV, "bib,point,time\n104,START,08:30:00+02:00\n");
		assertThatThrownBy(() -> importFile(PassingFormat.CSV, "bib,point,time\n105,START,08:30:00\n106,START,8h30\n"))
			.isInstanceOfSatisfying(TimingImportException.class, (ex) -> assertThat(ex.arguments()[0]).isEqualTo(3));
		assertThat(passings("104")).isEqualTo(1);
		assertThat(passings("105")).isZero();
	}

	@Test
	void onlyTheOwnerImportsAndAPhotographerSetsOnlyTheirOwnSpots() {
		TestAccount stranger = this.accounts.aPro(ProProfile.ORGANIZER);
		assertThatThrownBy(() -> this.timing.importPassings(this.event.id(), stranger.id(), this.point,
				PassingFormat.CSV, "bib,time\n101,08:00:00\n".getBytes(StandardCharsets.UTF_8), null))
			.isInstanceOf(EventNotFoundException.class);
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		TestAccount colleague = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		this.eventManagement.addPhotographer(this.event.id(), this.owner.id(), photographer.email());
		this.eventManagement.addPhotographer(this.event.id(), this.owner.id(), colleague.email());
		assertThatThrownBy(() -> this.timing.importPassings(this.event.id(), photographer.id(), this.point,
				PassingFormat.CSV, "bib,time\n101,08:00:00\n".getBytes(StandardCharsets.UTF_8), null))
			.isInstanceOf(EventNotFoundException.class);
		Spot own = this.timing.addSpot(this.event.id(), photographer.id(), photographer.id(), 21, null, null);
		assertThatThrownBy(
				() -> this.timing.addSpot(this.event.id(), photographer.id(), colleague.id(), 10, null, null))
			.isInstanceOf(EventNotFoundException.class);
		assertThatThrownBy(() -> this.timing.deleteSpot(this.event.id(), colleague.id(), own.id()))
			.isInstanceOf(EventNotFoundException.class);
		assertThatThrownBy(() -> this.timing.setOffset(this.event.id(), colleague.id(), photographer.id(), "", 10.0))
			.isInstanceOf(EventNotFoundException.class);
		assertThatThrownBy(() -> this.timing.addSpot(this.event.id(), this.owner.id(), stranger.id(), 5, null, null))
			.isInstanceOf(EventNotFoundException.class);
		assertThatThrownBy(() -> this.timing.spots(this.event.id(), stranger.id()))
			.isInstanceOf(EventNotFoundException.class);
		this.timing.addSpot(this.event.id(), this.owner.id(), colleague.id(), 30, null, null);
		this.timing.setOffset(this.event.id(), photographer.id(), photographer.id(), "", -35.5);
		assertThat(this.timing.offsets(this.event.id(), this.owner.id())).singleElement()
			.satisfies((o) -> assertThat(o.overrideSeconds()).isEqualTo(-35.5));
	}

	@Test
	void spotsThroughTheApiForTheTeamOnly() throws Exception {
		String token = "Bearer " + this.accountManagement.createPersonalToken(this.owner.id(), "t").token();
		String created = this.mvc.perform(post("/api/v1/events/" + this.event.id() + "/spots")
			.header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"distanceKm\": 21.1, \"startsAt\": \"2026-10-04T08:00:00Z\", \"endsAt\": \"2026-10-04T10:00:00Z\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.distanceKm").value(21.1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		this.mvc.perform(get("/api/v1/events/" + this.event.id() + "/spots").header("Authorization", token))
			.andExpect(jsonPath("$[0].photographerId").value(this.owner.id().toString()));
		TestAccount stranger = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		String theirs = "Bearer " + this.accountManagement.createPersonalToken(stranger.id(), "t").token();
		this.mvc.perform(get("/api/v1/events/" + this.event.id() + "/spots").header("Authorization", theirs))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/events/" + this.event.id() + "/spots/" + id).header("Authorization", theirs))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/events/" + this.event.id() + "/spots").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"distanceKm\": -3}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(delete("/api/v1/events/" + this.event.id() + "/spots/" + id).header("Authorization", token))
			.andExpect(status().isNoContent());
	}

	@Test
	void importsThroughThePageAreRateLimitedAndOwnersOnly() throws Exception {
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, this.owner);
		MockMultipartFile file = new MockMultipartFile("file", "km.csv", "text/csv",
				"bib;time\n101;08:00:00\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 3; i++) {
			this.mvc
				.perform(multipart("/pro/events/" + this.event.id() + "/timing/passings").file(file)
					.param("format", "CSV")
					.param("point", this.point.toString())
					.session(session)
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(passings("101")).isEqualTo(1);
		this.mvc
			.perform(multipart("/pro/events/" + this.event.id() + "/timing/passings").file(file)
				.param("format", "CSV")
				.param("point", this.point.toString())
				.session(session)
				.with(csrf()))
			.andExpect(status().isTooManyRequests());
		TestAccount stranger = this.accounts.aPro(ProProfile.ORGANIZER);
		this.mvc
			.perform(multipart("/pro/events/" + this.event.id() + "/timing/passings").file(file)
				.param("format", "CSV")
				.session(AccountsTestUtils.logIn(this.mvc, stranger))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/pro/events/" + this.event.id() + "/timing").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("START")))
			.andExpect(content().string(containsString("id=\"passings-import\"")));
	}

	@Test
	void aRunnerFindsThePhotosTakenAroundTheirPassage() throws Exception {
		this.fixtures.theTiming(this.event);
		this.timing.addSpot(this.event.id(), this.owner.id(), this.owner.id(), 10, null, null);
		this.timing.setOffset(this.event.id(), this.owner.id(), this.owner.id(), "",
				(double) TimingFixtures.CAMERA_AHEAD_SECONDS);
		UUID near = this.fixtures.aPhotoOf(this.event, this.owner.id(), 130, 20);
		UUID far = this.fixtures.aPhotoOf(this.event, this.owner.id(), 101, 0);
		this.mvc.perform(get("/events/" + this.event.slug() + "/near").param("bib", "130"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(near.toString())))
			.andExpect(content().string(not(containsString(far.toString()))));
		this.mvc.perform(get("/events/" + this.event.slug() + "/near").param("bib", "9999"))
			.andExpect(content().string(containsString("id=\"near-unknown\"")));
		assertThat(List.of(near, far)).hasSize(2);
	}

}

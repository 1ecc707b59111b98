package com.focusracer.gallery;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;
import com.focusracer.mail.Outbox;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shared.ratelimit.RateLimitsProperties;
import com.focusracer.shared.ratelimit.RealisticRateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Notify me" is limited per address (each request sends an e-mail), "this is me" / "not
 * me" / "hide me" per runner, selfie searches per address, live-gallery streams per
 * address and to bibs of the event.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class GalleryRateLimitsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventManagement events;

	@Autowired
	StartLists startLists;

	@Autowired
	EventsTestUtils eventFixtures;

	@Autowired
	Gallery gallery;

	@Autowired
	PhotosTestUtils published;

	@Autowired
	Outbox outbox;

	@Autowired
	RateLimits limits;

	@Autowired
	RateLimitsProperties properties;

	@Autowired
	JdbcClient jdbc;

	private TestAccount organizer;

	private Event event;

	@BeforeEach
	void anEvent() {
		this.organizer = this.accounts.aPro(com.focusracer.accounts.ProProfile.ORGANIZER);
		this.event = this.events.create(this.organizer.id(), new EventDraft("Course " + UUID.randomUUID(),
				LocalDate.now(), "Lyon", "running", null, Visibility.PUBLIC, false, null, null, null, null));
	}

	@AfterEach
	void forgetBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
		this.jdbc.sql("delete from open_stream").update();
	}

	@Test
	void notifyMeRequestsFromOneAddressAreRefusedPastTheLimit() throws Exception {
		String ip = "198.51.100.31";
		// The same unconfirmed alert asked again sends its confirmation again: a mail
		// bomb.
		String victim = AccountsTestUtils.uniqueEmail("victim");
		int limit = this.limits.limit(RateLimit.PHOTO_ALERT).capacity();
		for (int i = 0; i < limit; i++) {
			alert(victim, ip).andExpect(status().is3xxRedirection());
		}
		assertThat(this.outbox.latest(victim, 50)).hasSize(limit);
		alert(victim, ip).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Trop de demandes d'alerte")))
			.andExpect(content().string(containsString("Réessayez dans")));
		assertThat(this.outbox.latest(victim, 50)).hasSize(limit);
		alert(AccountsTestUtils.uniqueEmail("other"), "198.51.100.32").andExpect(status().is3xxRedirection());
	}

	@Test
	void oneRunnerCannotActOnMorePhotosThanTheLimit() throws Exception {
		List<UUID> photos = this.published.publish(this.event.id(), this.organizer.id(),
				Photos.aRunner(1800, 1200, "1975", Color.BLUE, 31), Photos.aRunner(1800, 1200, null, Color.RED, 32));
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		int limit = this.limits.limit(RateLimit.RUNNER_ACTION).capacity();
		for (int i = 0; i < limit - 1; i++) {
			act(runner, photos.get(0), (i % 2 == 0) ? "this-is-me" : "not-me").andExpect(status().is3xxRedirection());
		}
		act(runner, photos.get(0), "hide").andExpect(status().is3xxRedirection());
		act(runner, photos.get(1), "this-is-me").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("beaucoup de photos aujourd")));
		act(runner, photos.get(1), "hide").andExpect(status().isTooManyRequests());
		assertThat(this.jdbc.sql("select count(*) from hide_request where photo_id = ?")
			.param(photos.get(1))
			.query(Long.class)
			.single()).isZero();

		TestAccount another = this.accounts.anAccount(Role.RUNNER);
		act(another, photos.get(1), "this-is-me").andExpect(status().is3xxRedirection());
	}

	@Test
	void liveStreamsAreCappedPerAddress() throws Exception {
		String ip = "198.51.100.33";
		int cap = this.properties.streams().perAddress();
		for (int i = 0; i < cap; i++) {
			live("3638", ip).andExpect(request().asyncStarted());
		}
		live("3638", ip).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Too many pages follow live photos")));
		live("3638", "198.51.100.34").andExpect(request().asyncStarted());
	}

	@Test
	void liveStreamsAreOnlyForBibsOfTheEvent() throws Exception {
		// Without a start list: any well-formed bib (shared.Bib: 12 characters at most),
		// its
		// photos may be on their way.
		live("3638", "198.51.100.35").andExpect(request().asyncStarted());
		live("../../etc", "198.51.100.35").andExpect(status().isNotFound());
		live("1234567890123", "198.51.100.35").andExpect(status().isNotFound());

		// With one: its bibs only.
		Event listed = this.events.create(this.organizer.id(), new EventDraft("Listée " + UUID.randomUUID(),
				LocalDate.now(), "Lyon", "running", null, Visibility.PUBLIC, false, null, null, null, null));
		this.startLists.importFile(listed.id(), this.organizer.id(),
				EventsTestUtils.aFrenchStartList().getBytes(StandardCharsets.UTF_8), false);
		liveAt(listed, "1975", "198.51.100.36").andExpect(request().asyncStarted());
		liveAt(listed, "3638", "198.51.100.36").andExpect(status().isNotFound());
	}

	@Test
	void selfieSearchesFromOneAddressAreRefusedPastTheLimit() throws Exception {
		Event faces = this.eventFixtures.aTrailWithFaces(this.organizer.id());
		assumeTrue(this.gallery.selfieSearch(faces), "this build has no face models");
		byte[] picture = Photos.jpeg(Photos.aRunner(640, 480, null, Color.ORANGE, 33));
		int limit = this.limits.limit(RateLimit.SELFIE_SEARCH).capacity();
		for (int i = 0; i < limit; i++) {
			int status = selfie(faces, picture, "198.51.100.37").andReturn().getResponse().getStatus();
			assertThat(status).as("search " + (i + 1)).isNotEqualTo(429);
		}
		selfie(faces, picture, "198.51.100.37").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(containsString("Too many selfie searches")));
		assertThat(selfie(faces, picture, "198.51.100.38").andReturn().getResponse().getStatus()).as("another address")
			.isNotEqualTo(429);
	}

	private ResultActions selfie(Event at, byte[] picture, String ip) throws Exception {
		String boundary = "b0undary";
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"selfie\"; filename=\"me.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(picture);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.mvc.perform(post("/api/v1/public/events/" + at.slug() + "/selfie-search")
			.contentType("multipart/form-data; boundary=" + boundary)
			.content(body.toByteArray())
			.with(from(ip)));
	}

	private ResultActions alert(String email, String ip) throws Exception {
		return this.mvc.perform(post("/events/" + this.event.slug() + "/alerts").param("bib", "3638")
			.param("email", email)
			.with(from(ip))
			.with(csrf()));
	}

	private ResultActions act(TestAccount runner, UUID photo, String action) throws Exception {
		return this.mvc.perform(post("/account/photos/" + photo + "/" + action).param("bib", "1975")
			.with(user(this.accounts.principal(runner)))
			.with(csrf()));
	}

	private ResultActions live(String bib, String ip) throws Exception {
		return liveAt(this.event, bib, ip);
	}

	private ResultActions liveAt(Event at, String bib, String ip) throws Exception {
		return this.mvc.perform(get("/events/" + at.slug() + "/live").param("bib", bib)
			.header("Accept", "text/event-stream")
			.with(from(ip)));
	}

}

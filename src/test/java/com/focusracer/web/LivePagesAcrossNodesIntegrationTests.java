package com.focusracer.web;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.focusracer.FocusRacerApplication;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.photos.PhotoProgressed;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * The live pages serve their watchers on every node, whatever node ran the stage: here a
 * second application on the same database, web-only (no workers), serves the watchers
 * while this one receives the uploads and runs the pipeline.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LivePagesAcrossNodesIntegrationTests {

	private static ConfigurableApplicationContext webOnly;

	private static MockMvc webOnlyMvc;

	private static final AtomicInteger progressHeardOnTheWebOnlyNode = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	PhotosTestUtils photos;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void aWebOnlyNode() {
		webOnly = new SpringApplicationBuilder(FocusRacerApplication.class)
			.properties("server.port=0", "focusracer.workers.threads=0")
			.run();
		webOnly.addApplicationListener((ApplicationListener<ApplicationEvent>) (event) -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof PhotoProgressed) {
				progressHeardOnTheWebOnlyNode.incrementAndGet();
			}
		});
		webOnlyMvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) webOnly)
			.apply(springSecurity())
			.build();
	}

	@AfterAll
	static void stopTheWebOnlyNode() {
		if (webOnly != null) {
			webOnly.close();
		}
	}

	@AfterEach
	void forgetStreams() {
		this.jdbc.sql("delete from open_stream").update();
	}

	@Test
	void theTeamPageOnAnotherNodeFollowsTheUploadAndThePipeline() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		MvcResult watching = watch(webOnlyMvc, teamPage(event, photographer));

		UUID photo = this.photos
			.publish(event.id(), photographer.id(), Photos.aRunner(1800, 1200, "1975", Color.BLUE, 61))
			.get(0);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stream(watching))
				.contains("event:photo", photo.toString(), "\"stage\":\"received\"", "\"stage\":\"derive\"",
						"\"stage\":\"published\"", "\"bibs\":[\"1975\"]")
				.contains("event:counts\ndata:{\"PUBLISHED\":1}"));
	}

	@Test
	void theLiveGalleryOnAnotherNodeGetsTheRunnersPhotosAsTheyArePublished() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		MvcResult watching = watch(webOnlyMvc,
				get("/events/" + event.slug() + "/live").param("bib", "1975").accept(MediaType.TEXT_EVENT_STREAM));

		List<UUID> published = this.photos.publish(event.id(), photographer.id(),
				Photos.aRunner(1800, 1200, "1975", Color.BLUE, 62), Photos.aRunner(1800, 1200, null, Color.GREEN, 63));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stream(watching)).contains("event:photo", published.get(0).toString()));
		assertThat(stream(watching)).doesNotContain(published.get(1).toString());
	}

	@Test
	void eachNodeShowsAStageOnceAndOnlyTheNodeThatRanItActsOnIt() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.events.aMarathon(photographer.id());
		MvcResult here = watch(this.mvc, teamPage(event, photographer));
		MvcResult there = watch(webOnlyMvc, teamPage(event, photographer));
		int heardThereBefore = progressHeardOnTheWebOnlyNode.get();

		UUID photo = UUID.randomUUID();
		UUID marker = UUID.randomUUID();
		this.publisher.publishEvent(new PhotoProgressed(event.id(), photo, "IMG_0061.JPG", "derive"));
		this.publisher.publishEvent(new PhotoProgressed(event.id(), marker, "IMG_0062.JPG", "derive"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(stream(here) + stream(there)).contains(marker.toString() + "\"")
				.satisfies((both) -> assertThat(occurrences(both, marker.toString())).isEqualTo(2)));
		assertThat(occurrences(stream(here), photo.toString())).as("on the node that ran it").isOne();
		assertThat(occurrences(stream(there), photo.toString())).as("on the other node").isOne();
		// Once-per-stage work (photo alerts…) stays on the node that ran the stage.
		assertThat(progressHeardOnTheWebOnlyNode.get()).isEqualTo(heardThereBefore);
	}

	private RequestBuilder teamPage(Event event, TestAccount photographer) {
		return get("/pro/events/" + event.id() + "/progress").accept(MediaType.TEXT_EVENT_STREAM)
			.with(user(this.accounts.principal(photographer)));
	}

	private static MvcResult watch(MockMvc on, RequestBuilder request) throws Exception {
		return on.perform(request).andExpect(request().asyncStarted()).andReturn();
	}

	private static String stream(MvcResult watching) throws Exception {
		return watching.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}

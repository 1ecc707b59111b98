package com.focusracer.recognition.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.gallery.Gallery;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.timing.ClockOffset;
import com.focusracer.timing.Timing;
import com.focusracer.timing.TimingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Timing sync end to end on PostgreSQL: passings imported with chips, a photographer's
 * spot, the camera's offset estimated from the photos read surely (one of them a wrong
 * read), then photos without a bib get a {@code TIMING} link when one runner is left,
 * suggestions in triage otherwise.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TimingLinksIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	TimingFixtures fixtures;

	@Autowired
	Timing timing;

	@Autowired
	RecognitionRepository recognition;

	@Autowired
	TimingSuggestions suggestions;

	@Autowired
	TimingRelink relink;

	@Autowired
	PhotoManagement photos;

	@Autowired
	Gallery gallery;

	private TestAccount owner;

	private Event event;

	@BeforeEach
	void aRaceWithTimingAndASpot() {
		this.owner = this.accounts.aPro(ProProfile.ORGANIZER);
		this.event = this.events.aMarathon(this.owner.id());
		this.fixtures.aStartListWithChips(this.event);
		// Twenty runners read surely, shot from 5 s before to 4 s after they passed the
		// spot.
		for (int bib = TimingFixtures.FIRST; bib < TimingFixtures.FIRST + 20; bib++) {
			UUID photo = this.fixtures.aPhotoOf(this.event, this.owner.id(), bib, (bib % 10) - 5);
			this.fixtures.read(this.event, photo, String.valueOf(bib), "ON_START_LIST", 0.97, true);
		}
		// A wrong read: the photo shows another runner, minutes away.
		UUID wrong = this.fixtures.aPhotoOf(this.event, this.owner.id(), 125, 0);
		this.fixtures.read(this.event, wrong, "101", "ON_START_LIST", 0.95, true);
		this.fixtures.theTiming(this.event);
		this.timing.addSpot(this.event.id(), this.owner.id(), this.owner.id(), 10, null, null);
	}

	@Test
	void theCameraOffsetIsFoundAndBiblessPhotosGetTimingLinksOrSuggestions() throws Exception {
		// 130 passes alone; 128's bib is half hidden ("28" read, doubtful); 127 among
		// others with nothing else to tell them apart.
		UUID alone = this.fixtures.aPhotoOf(this.event, this.owner.id(), 130, 2);
		UUID partial = this.fixtures.aPhotoOf(this.event, this.owner.id(), 128, 3);
		this.fixtures.read(this.event, partial, "28", "DOUBTFUL", 0.6, false);
		UUID crowd = this.fixtures.aPhotoOf(this.event, this.owner.id(), 127, 1);
		this.relink.relink(this.event.id());

		ClockOffset offset = this.timing.offsets(this.event.id(), this.owner.id())
			.stream()
			.filter((o) -> o.cameraSerial().equals("CAM1"))
			.findFirst()
			.orElseThrow();
		assertThat(offset.estimatedSeconds()).isCloseTo(TimingFixtures.CAMERA_AHEAD_SECONDS, within(2.0));
		assertThat(offset.anchors()).isEqualTo(21);
		assertThat(offset.dropped()).isEqualTo(1);
		assertThat(this.timing.anchors(this.event.id(), this.owner.id(), this.owner.id())).hasSize(21)
			.filteredOn((a) -> a.outlier())
			.singleElement()
			.satisfies((a) -> assertThat(a.bib()).isEqualTo("101"));

		assertThat(this.recognition.links(alone)).singleElement().satisfies((link) -> {
			assertThat(link.bib()).isEqualTo("130");
			assertThat(link.source()).isEqualTo("TIMING");
		});
		assertThat(this.recognition.links(partial)).singleElement().satisfies((link) -> {
			assertThat(link.bib()).isEqualTo("128");
			assertThat(link.source()).isEqualTo("TIMING");
			assertThat(link.confidence()).isGreaterThan(0.8);
		});
		assertThat(this.recognition.links(crowd)).isEmpty();
		assertThat(this.suggestions.of(crowd)).extracting(TimingSuggestions.Suggestion::bib).contains("127");

		// The runner search counts TIMING links like the others, ranked after the photos
		// where their bib was read, even a read photo shot earlier (latest shot first
		// would put the timed one first).
		assertThat(this.recognition.photosOf(this.event.id(), "130")).containsExactly(alone);
		UUID read = this.fixtures.aPhotoOf(this.event, this.owner.id(), 130, -40);
		this.fixtures.read(this.event, read, "130", "ON_START_LIST", 0.97, true);
		assertThat(this.gallery.byBib(this.event, "130", 0).photos()).extracting(Photo::id)
			.containsExactly(read, alone);
		assertThat(this.gallery.sequence(this.event, "130", 10)).extracting(Photo::id).containsExactly(read, alone);
		// Triage shows the suggestions, one click to accept.
		this.mvc.perform(get("/pro/photos/" + crowd).session(AccountsTestUtils.logIn(this.mvc, this.owner)))
			.andExpect(content().string(containsString("id=\"accept-127\"")));
	}

	@Test
	void aSpotSetAfterThePhotosLinksThemThroughTheTimingEvent() {
		UUID alone = this.fixtures.aPhotoOf(this.event, this.owner.id(), 130, 2);
		this.timing.addSpot(this.event.id(), this.owner.id(), this.owner.id(), 10, null, null);
		// Two spots without a window: no photo can be placed, so no link.
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.recognition.links(alone).isEmpty());
		this.timing.spots(this.event.id(), this.owner.id())
			.stream()
			.skip(1)
			.forEach((s) -> this.timing.deleteSpot(this.event.id(), this.owner.id(), s.id()));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.recognition.links(alone).stream().anyMatch((l) -> l.source().equals("TIMING")));
		assertThat(this.recognition.links(alone)).extracting(RecognitionRepository.StoredLink::bib)
			.containsExactly("130");
	}

	@Test
	void withoutTimingNothingIsLinkedOrSuggested() {
		Event other = this.events.aMarathon(this.owner.id());
		UUID photo = this.fixtures.aPhoto(other, this.owner.id(), TimingFixtures.atKm10(other, 130));
		this.relink.relink(other.id());
		assertThat(this.recognition.links(photo)).isEmpty();
		assertThat(this.suggestions.of(photo)).isEmpty();
		assertThat(List.of(this.photos.get(photo).orElseThrow().cameraSerial())).containsExactly("CAM1");
	}

}

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

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventImages;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The public API and pages after real photos went through the real pipeline: a runner
 * finds their published previews by bib or name; hidden photos, originals, private
 * events, other events' photos and start-list private fields never show.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GalleryApiTests {

	@org.springframework.beans.factory.annotation.Autowired
	com.focusracer.photos.PhotoActions photoActions;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventManagement events;

	@Autowired
	StartLists startLists;

	@Autowired
	PhotoManagement photos;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PhotosTestUtils published;

	@Autowired
	EventImages images;

	private final ObjectMapper json = new ObjectMapper();

	private TestAccount photographer;

	@BeforeEach
	void aPhotographer() {
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
	}

	@Test
	void aRunnerFindsTheirPublishedPreviewsByBibAndByNameAndNothingElse() throws Exception {
		Event event = anEvent("Semi de Villeurbanne", Visibility.PUBLIC, false);
		this.startLists.save(event.id(), this.photographer.id(),
				new Runner("1975", "Jérôme", "Dupont-Moreau", "jerome@example.fr", "SEM", "AC Lyon", "M", 1988));
		this.startLists.save(event.id(), this.photographer.id(),
				new Runner("42", "Jeanne", "Dupont", "jeanne@example.fr", "SEF", null, "F", 1991));
		List<UUID> ids = this.published.publish(event.id(), this.photographer.id(),
				Photos.aRunner(1800, 1200, "1975", Color.BLUE, 1), Photos.aRunner(1800, 1200, "1975", Color.RED, 2),
				Photos.aRunner(1800, 1200, null, Color.GREEN, 3));

		JsonNode byBib = getJson("/api/v1/public/events/" + event.slug() + "/photos?bib=1975");
		assertThat(byBib.get("total").asLong()).isEqualTo(2);
		assertThat(itemIds(byBib)).containsExactlyInAnyOrder(ids.get(0).toString(), ids.get(1).toString());
		assertThat(byBib.get("runners").get(0).get("name").asText()).isEqualTo("Jérôme D.");

		// Accents, case and part of a name; two runners share "dupont": both are named,
		// with their bibs, and the photos are those of the runner with photos.
		JsonNode byName = getJson("/api/v1/public/events/" + event.slug() + "/photos?name=DUPONT");
		assertThat(byName.get("runners")).hasSize(2);
		assertThat(byName.get("total").asLong()).isEqualTo(2);
		JsonNode precise = this.json.readTree(
				this.mvc.perform(get("/api/v1/public/events/" + event.slug() + "/photos").param("name", "dupont jér"))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(precise.get("runners")).hasSize(1);
		assertThat(precise.get("runners").get(0).get("bib").asText()).isEqualTo("1975");
		String everything = byBib.toString() + byName + precise;
		assertThat(everything).doesNotContain("jerome@example.fr", "1988", "Moreau", "AC Lyon", "embedding");

		// The preview is watermarked JPEG, cacheable; the original is nowhere.
		String thumbnail = byBib.get("items").get(0).get("thumbnailUrl").asText();
		MockHttpServletResponse preview = this.mvc.perform(get(thumbnail)).andReturn().getResponse();
		assertThat(preview.getStatus()).isEqualTo(200);
		assertThat(preview.getContentType()).isEqualTo("image/jpeg");
		assertThat(preview.getHeader("Cache-Control")).contains("public").contains("max-age=3600");
		String page = byBib.get("items").get(0).get("pageUrl").asText();
		for (String original : List.of(page + "/original.jpg", page + "/original",
				"/api/v1/photos/" + byBib.get("items").get(0).get("id").asText() + "/original")) {
			assertThat(this.mvc.perform(get(original)).andReturn().getResponse().getStatus()).as(original)
				.isIn(401, 404);
		}

		// Hidden by the team: gone from search and previews at once.
		this.photoActions.hide(ids.get(0), this.photographer.id(), true);
		JsonNode afterHide = getJson("/api/v1/public/events/" + event.slug() + "/photos?bib=1975");
		assertThat(itemIds(afterHide)).containsExactly(ids.get(1).toString());
		assertThat(status("/events/" + event.slug() + "/photos/" + ids.get(0) + "/thumb.jpg")).isEqualTo(404);
		assertThat(status("/events/" + event.slug() + "/photos/" + ids.get(0))).isEqualTo(404);

		// A photo is only reachable through its own event.
		Event other = anEvent("Autre course", Visibility.PUBLIC, false);
		assertThat(status("/events/" + other.slug() + "/photos/" + ids.get(1) + "/web.jpg")).isEqualTo(404);
		assertThat(getJson("/api/v1/public/events/" + other.slug() + "/photos?bib=1975").get("total").asLong())
			.isZero();

		// The event page and the viewer show the photo, with the runner's short name.
		String html = this.mvc.perform(get("/events/" + event.slug()).param("q", "1975"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(ids.get(1) + "/thumb.jpg").doesNotContain(ids.get(0).toString());
		assertThat(html).contains("og:title").contains("Semi de Villeurbanne");
		String viewer = this.mvc.perform(get("/events/" + event.slug() + "/photos/" + ids.get(1)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(viewer).contains(ids.get(1) + "/web.jpg").contains("Jérôme D.").doesNotContain("Moreau");

		// Two runners called Dupont: the page asks which one.
		String homonyms = this.mvc.perform(get("/events/" + event.slug()).param("q", "dupont"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(homonyms).contains("id=\"runner-choices\"").contains("Jeanne D.").contains("Jérôme D.");
	}

	@Test
	void theOrganizerMayShowFullNames() throws Exception {
		Event event = this.events.create(this.photographer.id(), new EventDraft("Foulées de Bron", LocalDate.now(),
				"Bron", null, null, Visibility.PUBLIC, false, null, null, null, null, true));
		this.startLists.save(event.id(), this.photographer.id(),
				new Runner("7", "Léa", "Martin", null, "JUF", null, null, null));
		JsonNode found = getJson("/api/v1/public/events/" + event.slug() + "/photos?name=lea");
		assertThat(found.get("runners").get(0).get("name").asText()).isEqualTo("Léa Martin");
	}

	@Test
	void privateAndUnlistedEventsAreNotListedAndPrivateOnesAreNotReachable() throws Exception {
		Event listed = anEvent("Course publique " + UUID.randomUUID(), Visibility.PUBLIC, false);
		Event unlisted = anEvent("Course discrète " + UUID.randomUUID(), Visibility.UNLISTED, false);
		Event hidden = anEvent("Course privée " + UUID.randomUUID(), Visibility.PRIVATE, false);
		String all = getJson("/api/v1/public/events").toString();
		assertThat(all).contains(listed.slug()).doesNotContain(unlisted.slug()).doesNotContain(hidden.slug());
		assertThat(getJson("/api/v1/public/events/" + unlisted.slug()).get("name").asText()).isEqualTo(unlisted.name());
		assertThat(status("/api/v1/public/events/" + hidden.slug())).isEqualTo(404);
		assertThat(status("/events/" + hidden.slug())).isEqualTo(404);
		assertThat(status("/api/v1/public/events/" + hidden.slug() + "/photos?bib=1")).isEqualTo(404);
		String sitemap = this.mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString();
		assertThat(sitemap).contains("/events/" + listed.slug())
			.doesNotContain(unlisted.slug())
			.doesNotContain(hidden.slug());
		assertThat(this.mvc.perform(get("/robots.txt")).andReturn().getResponse().getContentAsString())
			.contains("Sitemap:")
			.contains("Disallow: /pro/");
		String home = this.mvc.perform(get("/events").param("q", listed.name().substring(0, 14)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains(listed.slug()).doesNotContain(unlisted.slug());
	}

	@Test
	void aPrivateEventsCoverStaysOutOfSharedCaches() throws Exception {
		Event hidden = anEvent("Course privée couverte " + UUID.randomUUID(), Visibility.PRIVATE, false);
		Event listed = anEvent("Course publique couverte " + UUID.randomUUID(), Visibility.PUBLIC, false);
		byte[] cover = Photos.jpeg(Photos.aFinishLineScene(800, 500));
		this.images.set(hidden.id(), this.photographer.id(), EventImages.Kind.COVER, cover);
		this.images.set(listed.id(), this.photographer.id(), EventImages.Kind.COVER, cover);
		var team = user(this.accounts.principal(this.photographer));

		MockHttpServletResponse privateCover = this.mvc
			.perform(get("/events/" + hidden.slug() + "/cover.jpg").with(team))
			.andReturn()
			.getResponse();
		assertThat(privateCover.getStatus()).isEqualTo(200);
		assertThat(privateCover.getHeader("Cache-Control")).contains("private").doesNotContain("public");
		assertThat(this.mvc.perform(get("/events/" + hidden.slug() + "/brand.css").with(team))
			.andReturn()
			.getResponse()
			.getHeader("Cache-Control")).contains("private");
		assertThat(status("/events/" + hidden.slug() + "/cover.jpg")).isEqualTo(404);
		assertThat(this.mvc.perform(get("/events/" + listed.slug() + "/cover.jpg"))
			.andReturn()
			.getResponse()
			.getHeader("Cache-Control")).contains("public");
	}

	@Test
	void unlistedEventsGetAnUnguessableAddressAndPublicOnesAReadableOne() throws Exception {
		String name = "Course de la Croix-Rousse " + UUID.randomUUID().toString().substring(0, 8);
		Event listed = anEvent(name, Visibility.PUBLIC, false);
		String readable = listed.slug();
		assertThat(readable).matches("course-de-la-croix-rousse-[0-9a-f]{8}-\\d{4}");
		Event unlisted = anEvent(name, Visibility.UNLISTED, false);
		Event another = anEvent(name, Visibility.UNLISTED, false);
		assertThat(unlisted.slug()).matches(java.util.regex.Pattern.quote(readable) + "-[a-z2-9]{12}");
		assertThat(another.slug()).matches(java.util.regex.Pattern.quote(readable) + "-[a-z2-9]{12}")
			.isNotEqualTo(unlisted.slug());
		// Guessing from the name finds the public event, never the unlisted ones.
		assertThat(status("/events/" + readable + "-2")).isEqualTo(404);

		// A public event switched to unlisted gets a new address; the readable one is
		// gone.
		assertThat(status("/events/" + readable)).isEqualTo(200);
		Event switched = this.events.update(listed.id(), this.photographer.id(),
				new EventDraft(listed.name(), listed.date(), listed.location(), listed.sport(), null,
						Visibility.UNLISTED, false, null, null, null, null));
		assertThat(switched.slug()).matches(java.util.regex.Pattern.quote(readable) + "-[a-z2-9]{12}");
		assertThat(status("/events/" + readable)).isEqualTo(404);
		assertThat(status("/api/v1/public/events/" + readable)).isEqualTo(404);
		assertThat(status("/events/" + switched.slug())).isEqualTo(200);
		// Saved again as unlisted, it keeps the address people were given.
		assertThat(this.events
			.update(listed.id(), this.photographer.id(),
					new EventDraft(listed.name(), listed.date(), "Lyon", listed.sport(), null, Visibility.UNLISTED,
							false, null, null, null, null))
			.slug()).isEqualTo(switched.slug());
	}

	@Test
	void aSearchWithoutBibOrNameSaysWhatToSend() throws Exception {
		Event event = anEvent("Course sans recherche", Visibility.PUBLIC, false);
		MockHttpServletResponse response = this.mvc.perform(get("/api/v1/public/events/" + event.slug() + "/photos"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("?bib=1234");
	}

	private Event anEvent(String name, Visibility visibility, boolean faces) {
		return this.events.create(this.photographer.id(), new EventDraft(name, LocalDate.now(), "Villeurbanne",
				"running", null, visibility, faces, null, null, null, null));
	}

	private JsonNode getJson(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

	private int status(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private static List<String> itemIds(JsonNode found) {
		List<String> ids = new ArrayList<>();
		found.get("items").forEach((item) -> ids.add(item.get("id").asText()));
		return ids;
	}

}

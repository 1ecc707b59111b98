package com.focusracer.gallery;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.admin.Moderation;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.photos.PhotoActions;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.photos.S3Mock;
import com.focusracer.photos.S3Properties;
import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.recognition.BibCorrections;
import com.focusracer.shop.Order;
import com.focusracer.shop.Orders;
import com.focusracer.shop.Resolution;
import com.focusracer.shop.ShopTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A runner's share images leave the store (S3, through S3Mock) and stop being served when
 * their photo is hidden by its team, at a runner's request or by the admins, when the
 * event is removed, when a runner is no longer linked to it, and, for that runner's bib
 * only, on their erasure.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShareCleanupIntegrationTests {

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) throws Exception {
		S3Properties s3 = S3Mock.properties();
		registry.add("focusracer.photos.storage", () -> "s3");
		registry.add("focusracer.photos.s3.endpoint", () -> s3.endpoint().toString());
		registry.add("focusracer.photos.s3.region", s3::region);
		registry.add("focusracer.photos.s3.bucket", s3::bucket);
		registry.add("focusracer.photos.s3.path-style", () -> "true");
		registry.add("focusracer.photos.s3.access-key", s3::accessKey);
		registry.add("focusracer.photos.s3.secret-key", s3::secretKey);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	PhotosTestUtils photos;

	@Autowired
	PhotoActions actions;

	@Autowired
	Moderation moderation;

	@Autowired
	BibCorrections corrections;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	List<PersonalData> personalData;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@Test
	void hiddenByItsTeamTheCropsGo() throws Exception {
		Shared shared = shareBoth();
		this.actions.hide(shared.photoId(), shared.owner().id(), true);
		assertGone(shared, "101", "202");
	}

	@Test
	void hiddenAtARunnersRequestTheCropsGo() throws Exception {
		Shared shared = shareBoth();
		assertThat(this.actions.hideOnRequest(shared.photoId())).isTrue();
		assertGone(shared, "101", "202");
	}

	@Test
	void hiddenByTheAdminsTheCropsGo() throws Exception {
		Shared shared = shareBoth();
		this.actions.moderate(shared.photoId(), true);
		assertGone(shared, "101", "202");
	}

	@Test
	void withdrawnBecauseSoldTheCropsGo() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Shared shared = shareBoth(photographer, this.shop.anEventOnSale(photographer, "Course vendue"));
		Order order = this.orders
			.place(new Orders.Cart(shared.event().slug(), List.of(shared.photoId()),
					AccountsTestUtils.uniqueEmail("sold"), null, false, Resolution.ORIGINAL), null, Locale.FRENCH)
			.order();
		this.orders.testPayment(order, true);
		assertThat(this.actions.delete(shared.photoId(), photographer.id())).isEqualTo(PhotoActions.Deletion.WITHDRAWN);
		assertGone(shared, "101", "202");
	}

	@Test
	void theEventRemovedTheCropsGo() throws Exception {
		Shared shared = shareBoth();
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		this.moderation.removeEvent(this.accounts.principal(admin), shared.event().id(), "Fake event");
		assertGone(shared, "101", "202");
	}

	@Test
	void aRunnerNoLongerOnThePhotoLosesTheirCropsAndOnlyThey() throws Exception {
		Shared shared = shareBoth();
		// "Not me": 101 leaves the photo, 202 stays on it.
		this.corrections.runnerSays(shared.photoId(), "101", false, shared.owner().id());
		assertGone(shared, "101");
		assertThat(keys(shared, "202")).hasSize(2);
		this.mvc.perform(get(shared.base() + "/crop.jpg?bib=202").with(from("198.51.100.91")))
			.andExpect(status().isOk());
	}

	@Test
	void aRunnersErasureTakesTheCropsOfTheirBibOnly() throws Exception {
		Shared shared = shareBoth();
		String email = "runner-" + UUID.randomUUID() + "@example.org";
		this.jdbc
			.sql("insert into start_list_entry (event_id, bib, first_name, last_name, email) values (?, ?, ?, ?, ?)")
			.params(shared.event().id(), "101", "Ana", "Runner", email)
			.update();
		PersonalData share = this.personalData.stream()
			.filter((data) -> data.part().equals("share-images"))
			.findFirst()
			.orElseThrow();
		share.erase(
				new Erasure(new Person(null, email, "Ana Runner", "fr"), "REF-1", Set.of(), Erasure.Scope.EVERYTHING));
		assertThat(keys(shared, "101")).isEmpty();
		// Another runner on the same photo keeps theirs.
		assertThat(keys(shared, "202")).isNotEmpty();
	}

	/** A published photo of runners 101 and 202 with a crop and a teaser of each made. */
	private Shared shareBoth() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.ORGANIZER);
		return shareBoth(owner, this.events.aMarathon(owner.id()));
	}

	private Shared shareBoth(TestAccount owner, Event event) throws Exception {
		UUID photoId = this.photos.publish(event.id(), owner.id(), ShareIntegrationTests.threeRunners()).get(0);
		for (int i = 0; i < 2; i++) {
			String bib = ShareIntegrationTests.BIBS[i];
			// Read on the photo, as recognition would: linked again by any re-linking.
			this.jdbc
				.sql("""
						insert into bib_read (photo_id, event_id, bib, read_as, kind, confidence, box_x, box_y, box_w, box_h)
						values (?, ?, ?, ?, 'READ', 0.95, ?, 0.48, 0.08, 0.09)""")
				.params(photoId, event.id(), bib, bib, (ShareIntegrationTests.CENTRES[i] - 60) / 1500.0)
				.update();
			this.jdbc.sql(
					"insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, ?, 'OCR', 0.95)")
				.params(photoId, event.id(), bib)
				.update();
		}
		Shared shared = new Shared(owner, event, photoId);
		int client = 0;
		for (String bib : List.of("101", "202")) {
			for (String path : List.of("/crop.jpg?bib=", "/teaser.jpg?format=story&bib=")) {
				this.mvc.perform(get(shared.base() + path + bib).with(from("198.51.100." + (60 + client++))))
					.andExpect(status().isOk());
			}
			assertThat(keys(shared, bib)).hasSize(2);
		}
		return shared;
	}

	private void assertGone(Shared shared, String... bibs) throws Exception {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (String bib : bibs) {
				assertThat(keys(shared, bib)).as("share images of " + bib).isEmpty();
			}
		});
		for (String bib : bibs) {
			this.mvc.perform(get(shared.base() + "/crop.jpg?bib=" + bib).with(from("198.51.100.90")))
				.andExpect(status().isNotFound());
		}
	}

	private static List<String> keys(Shared shared, String bib) throws Exception {
		try (S3Client s3 = S3Mock.client()) {
			return s3
				.listObjectsV2((request) -> request.bucket(S3Mock.BUCKET)
					.prefix("share/" + shared.event().id() + "/" + shared.photoId() + "/" + bib + "/"))
				.contents()
				.stream()
				.map(S3Object::key)
				.toList();
		}
	}

	record Shared(TestAccount owner, Event event, UUID photoId) {

		String base() {
			return "/events/" + this.event.slug() + "/photos/" + this.photoId;
		}

	}

}

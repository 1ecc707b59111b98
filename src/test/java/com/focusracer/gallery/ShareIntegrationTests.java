package com.focusracer.gallery;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoActions;
import com.focusracer.photos.PhotosTestUtils;
import com.focusracer.shared.ratelimit.RealisticRateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A runner's photos best first (events with face features on only, no expression value
 * stored), their crops and teasers centred on them on a photo of three runners, only of
 * published photos, kept in the blob store and limited per client when made.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class ShareIntegrationTests {

	/** Red, green and blue runners, left to right, on a 1,500 × 1,000 photo. */
	static final int[] CENTRES = { 250, 750, 1250 };

	static final Color[] SHIRTS = { new Color(200, 30, 30), new Color(30, 170, 40), new Color(30, 50, 200) };

	static final String[] BIBS = { "101", "202", "303" };

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
	Gallery gallery;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.focusracer.shared.SiteUrl site;

	@AfterEach
	void forgetBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@Test
	void aRunnersPhotosComeBestPortraitFirstOnlyWhereFaceFeaturesAreOn() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.ORGANIZER);
		Event withFaces = this.events.aTrailWithFaces(owner.id());
		Event without = this.events.aMarathon(owner.id());
		List<UUID> ranked = this.photos.publish(withFaces.id(), owner.id(), plain(1), plain(2), plain(3));
		List<UUID> usual = this.photos.publish(without.id(), owner.id(), plain(1), plain(2), plain(3));
		// Nothing about faces is computed for the event without face features.
		assertThat(faces(usual)).isZero();
		double[] portraits = { 0.2, 0.9, 0.5 };
		for (int i = 0; i < 3; i++) {
			link(withFaces, ranked.get(i), "1975", portraits[i]);
			link(without, usual.get(i), "1975", portraits[i]);
		}
		assertThat(ids(this.gallery.byBib(withFaces, "1975", 0).photos())).containsExactly(ranked.get(1), ranked.get(2),
				ranked.get(0));
		assertThat(ids(this.gallery.sequence(withFaces, "1975", 10))).containsExactly(ranked.get(1), ranked.get(2),
				ranked.get(0));
		// Latest first, as always, whatever face rows there are.
		assertThat(ids(this.gallery.byBib(without, "1975", 0).photos())).containsExactly(usual.get(2), usual.get(1),
				usual.get(0));
		// One ranking number per face: no smile, eyes or expression column anywhere.
		assertThat(this.jdbc.sql("""
				select count(*) from information_schema.columns where table_schema = current_schema()
				  and column_name ~* '(smile|expression|emotion|eye|mouth)'""").query(Long.class).single()).isZero();
	}

	@Test
	void eachRunnersCropsAndTeasersAreCentredOnThemInEveryFormat() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(owner.id());
		UUID photoId = this.photos.publish(event.id(), owner.id(), threeRunners()).get(0);
		for (int i = 0; i < 3; i++) {
			read(event, photoId, BIBS[i], (CENTRES[i] - 60) / 1500.0, 480 / 1000.0, 120 / 1500.0, 90 / 1000.0);
		}
		String base = "/events/" + event.slug() + "/photos/" + photoId;
		for (ShareFormat format : ShareFormat.values()) {
			for (int i = 0; i < 3; i++) {
				BufferedImage crop = image(base + "/crop.jpg?bib=" + BIBS[i] + "&format=" + format.key(),
						"198.51.100." + (10 + 3 * format.ordinal() + i));
				assertThat(crop.getWidth()).isEqualTo(format.width());
				assertThat(crop.getHeight()).isEqualTo(format.height());
				assertThat(dominant(crop)).as(format + " crop of runner " + BIBS[i]).isEqualTo(i);
			}
		}
		BufferedImage teaser = image(base + "/teaser.jpg?bib=202&format=story", "198.51.100.30");
		assertThat(teaser.getHeight()).isEqualTo(1920);
		assertThat(dominant(teaser)).isEqualTo(1);
		// The result page's link preview is the runner's teaser.
		assertThat(this.mvc.perform(get("/events/" + event.slug()).param("bib", "202"))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("property=\"og:image\" content=\"http://localhost/events/" + event.slug()
					+ "/teaser.jpg?bib=202\"");
		assertThat(image("/events/" + event.slug() + "/teaser.jpg?bib=202", "198.51.100.31").getWidth())
			.isEqualTo(1200);
		// A runner not on the photo, a format that does not exist: nothing.
		this.mvc.perform(get(base + "/crop.jpg?bib=999").with(from("198.51.100.32"))).andExpect(status().isNotFound());
		this.mvc.perform(get(base + "/crop.jpg?bib=101&format=huge").with(from("198.51.100.32")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(base + "/share").param("bib", "303"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("teaser.jpg?bib=303&amp;format=story")));
		this.mvc.perform(get(base))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"share-image\"")));

		// Hidden: refused, cached or not.
		this.actions.hide(photoId, owner.id(), true);
		for (String path : List.of(base + "/crop.jpg?bib=101", base + "/teaser.jpg?bib=202&format=story",
				base + "/share")) {
			this.mvc.perform(get(path).with(from("198.51.100.33"))).andExpect(status().isNotFound());
		}
	}

	@Test
	void makingShareImagesIsLimitedPerClientButThoseAlreadyMadeAreServed() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(owner.id());
		UUID photoId = this.photos.publish(event.id(), owner.id(), threeRunners()).get(0);
		read(event, photoId, "101", 190 / 1500.0, 0.48, 0.08, 0.09);
		String base = "/events/" + event.slug() + "/photos/" + photoId + "/crop.jpg?bib=101&format=";
		String ip = "203.0.113.40";
		// The realistic test limit: 3.
		for (String format : List.of("square", "portrait", "story")) {
			this.mvc.perform(get(base + format).with(from(ip))).andExpect(status().isOk());
		}
		this.mvc.perform(get(base + "link").with(from(ip))).andExpect(status().isTooManyRequests());
		// Made before: served from the shared blob store without counting.
		this.mvc.perform(get(base + "square").with(from(ip))).andExpect(status().isOk());
		this.mvc.perform(get(base + "link").with(from("203.0.113.41"))).andExpect(status().isOk());
	}

	@Test
	void theTeamDownloadsQrCodesThatReadAsTheGalleryAndABibsPhotosAndPrintsThePoster() throws Exception {
		TestAccount owner = this.accounts.aPro(ProProfile.ORGANIZER);
		TestAccount stranger = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(owner.id());
		String pro = "/pro/events/" + event.id();
		var asOwner = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.accounts.principal(owner));
		byte[] png = this.mvc.perform(get(pro + "/qr.png").param("bib", "1975").with(asOwner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(decode(ImageIO.read(new ByteArrayInputStream(png))))
			.isEqualTo(this.site.root() + "/events/" + event.slug() + "?bib=1975");
		byte[] gallery = this.mvc.perform(get(pro + "/qr.png").with(asOwner))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(decode(ImageIO.read(new ByteArrayInputStream(gallery))))
			.isEqualTo(this.site.root() + "/events/" + event.slug());
		String svg = this.mvc.perform(get(pro + "/qr.svg").with(asOwner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(svg).startsWith("<svg").contains("<path");
		String poster = this.mvc.perform(get(pro + "/poster").with(asOwner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(poster).contains("/css/poster.css").contains("id=\"poster-qr\"><svg").contains(event.name());
		assertThat(this.mvc.perform(get("/css/poster.css")).andReturn().getResponse().getContentAsString())
			.contains("size: A4");
		assertThat(this.mvc.perform(get(pro).with(asOwner)).andReturn().getResponse().getContentAsString())
			.contains("id=\"qr-png\"")
			.contains("id=\"qr-poster\"");
		// A bib is a bib; another organizer's event does not exist for them.
		this.mvc.perform(get(pro + "/qr.png").param("bib", "Jérôme Dupont").with(asOwner))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get(pro + "/qr.png")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.accounts.principal(stranger))))
			.andExpect(status().isNotFound());
	}

	private void link(Event event, UUID photoId, String bib, double portrait) {
		this.jdbc
			.sql("insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, ?, 'MANUAL', 1) "
					+ "on conflict do nothing")
			.params(photoId, event.id(), bib)
			.update();
		this.jdbc.sql("""
				insert into face (id, photo_id, event_id, box_x, box_y, box_w, box_h, score, quality, embedding)
				values (?, ?, ?, 0.4, 0.1, 0.1, 0.15, 0.9, ?, '{}')""")
			.params(UUID.randomUUID(), photoId, event.id(), portrait)
			.update();
	}

	private void read(Event event, UUID photoId, String bib, double x, double y, double w, double h) {
		this.jdbc.sql("""
				insert into bib_read (photo_id, event_id, bib, read_as, kind, confidence, box_x, box_y, box_w, box_h)
				values (?, ?, ?, ?, 'READ', 0.95, ?, ?, ?, ?)""")
			.params(photoId, event.id(), bib, bib, x, y, w, h)
			.update();
		this.jdbc
			.sql("insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, ?, 'OCR', 0.95) "
					+ "on conflict do nothing")
			.params(photoId, event.id(), bib)
			.update();
	}

	private long faces(List<UUID> photoIds) {
		return this.jdbc.sql("select count(*) from face where photo_id = any(?)")
			.param(photoIds.toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	private BufferedImage image(String path, String ip) throws Exception {
		byte[] body = this.mvc.perform(get(path).with(from(ip)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return ImageIO.read(new ByteArrayInputStream(body));
	}

	/** Which runner's shirt fills the middle of the crop, lower down (0, 1, 2). */
	static int dominant(BufferedImage image) {
		long[] sums = new long[3];
		int w = image.getWidth();
		int h = image.getHeight();
		for (int y = (int) (h * 0.55); y < h * 0.75; y++) {
			for (int x = (int) (w * 0.42); x < w * 0.58; x++) {
				int p = image.getRGB(x, y);
				sums[0] += (p >> 16) & 0xFF;
				sums[1] += (p >> 8) & 0xFF;
				sums[2] += p & 0xFF;
			}
		}
		int best = 0;
		for (int i = 1; i < 3; i++) {
			if (sums[i] > sums[best]) {
				best = i;
			}
		}
		return best;
	}

	static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new com.google.zxing.qrcode.QRCodeReader()
			.decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
					new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
	}

	static List<UUID> ids(List<Photo> photos) {
		return photos.stream().map(Photo::id).toList();
	}

	/** A picture with nothing to read on it. */
	static BufferedImage plain(int seed) {
		BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
		java.util.Random random = new java.util.Random(seed);
		for (int y = 0; y < 400; y++) {
			for (int x = 0; x < 600; x++) {
				int v = 90 + random.nextInt(40);
				image.setRGB(x, y, (v << 16) | ((v + seed * 10) << 8) | v);
			}
		}
		return image;
	}

	/** Three runners side by side: a head over a shirt of their colour, a white bib. */
	static BufferedImage threeRunners() {
		BufferedImage image = new BufferedImage(1500, 1000, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(128, 128, 128));
		g.fillRect(0, 0, 1500, 1000);
		for (int i = 0; i < 3; i++) {
			int cx = CENTRES[i];
			g.setColor(new Color(225, 190, 160));
			g.fillOval(cx - 60, 190, 120, 120);
			g.setColor(SHIRTS[i]);
			g.fillRect(cx - 110, 300, 220, 700);
			g.setColor(Color.WHITE);
			g.fillRect(cx - 60, 480, 120, 90);
		}
		g.dispose();
		return image;
	}

}

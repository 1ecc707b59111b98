package com.focusracer.shop;

import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.AutoEditSettings;
import com.focusracer.events.Event;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.Photos;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shared.ratelimit.RealisticRateLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.focusracer.accounts.AccountsTestUtils.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An event with the automatic edit on: its web versions are corrected while the stored
 * original stays the uploaded file; its buyers download each photo as shot (the uploaded
 * bytes) or enhanced (made again, a limited number of times per order); only its owner
 * turns it on.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RealisticRateLimits
class AutoEditDownloadsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	AutoEditSettings autoEdit;

	@Autowired
	PhotoManagement photos;

	@Autowired
	RateLimits limits;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private TestAccount photographer;

	@BeforeEach
	void aPhotographer() {
		this.photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
	}

	@AfterEach
	void forgetBuckets() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@Test
	void onlyTheOwnerTurnsItOn() throws Exception {
		Event event = this.shop.anEventOnSale(this.photographer, "Retouche réservée");
		TestAccount other = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		assertThat(switchOn(event, other).getStatus()).isEqualTo(404);
		assertThat(this.autoEdit.enabled(event.id())).isFalse();
		MockHttpServletResponse done = switchOn(event, this.photographer);
		assertThat(done.getRedirectedUrl()).isEqualTo("/pro/events/" + event.id() + "?saved");
		assertThat(this.autoEdit.enabled(event.id())).isTrue();
		String page = this.mvc.perform(get("/pro/events/" + event.id()).with(user(principal(this.photographer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"auto-edit-state\">Activée");
	}

	@Test
	void theWebVersionIsCorrectedTheOriginalIsNotAndBuyersChooseAsShotOrEnhanced() throws Exception {
		Event edited = this.shop.anEventOnSale(this.photographer, "Retouche auto");
		assertThat(switchOn(edited, this.photographer).getStatus()).isEqualTo(302);
		Event plain = this.shop.anEventOnSale(this.photographer, "Sans retouche");
		BufferedImage dark = aDarkRunner();
		byte[] uploaded = Photos.jpeg(dark);
		UUID editedPhoto = this.shop.publish(edited, this.photographer, dark).keySet().iterator().next();
		UUID plainPhoto = this.shop.publish(plain, this.photographer, dark).keySet().iterator().next();

		// The web version is brighter where the event asked for it; the original is the
		// upload.
		double editedWeb = meanLuma(web(editedPhoto));
		double plainWeb = meanLuma(web(plainPhoto));
		assertThat(editedWeb).isGreaterThan(plainWeb * 1.4);
		try (InputStream original = this.photos.openOriginal(editedPhoto).orElseThrow()) {
			assertThat(ShopTestUtils.sha256(original.readAllBytes())).isEqualTo(ShopTestUtils.sha256(uploaded));
		}

		JsonNode order = paidOrder(edited, editedPhoto, "198.51.100.61");
		String url = order.get("downloads").get(0).get("url").asText();
		assertThat(order.get("downloads").get(0).get("enhancedUrl").asText()).isEqualTo(url + "&version=enhanced");
		MockHttpServletResponse asShot = download(url, "198.51.100.62");
		assertThat(asShot.getStatus()).isEqualTo(200);
		assertThat(ShopTestUtils.sha256(asShot.getContentAsByteArray())).as("as shot: the uploaded bytes")
			.isEqualTo(ShopTestUtils.sha256(uploaded));
		assertThat(ShopTestUtils.sha256(download(url + "&version=as-shot", "198.51.100.62").getContentAsByteArray()))
			.isEqualTo(ShopTestUtils.sha256(uploaded));

		MockHttpServletResponse enhanced = download(url + "&version=enhanced", "198.51.100.62");
		assertThat(enhanced.getStatus()).isEqualTo(200);
		assertThat(enhanced.getContentType()).isEqualTo("image/jpeg");
		assertThat(enhanced.getHeader("Content-Disposition")).contains("-enhanced.jpg");
		BufferedImage enhancedImage = ImageIO.read(new ByteArrayInputStream(enhanced.getContentAsByteArray()));
		assertThat(enhancedImage.getWidth()).as("full size").isEqualTo(dark.getWidth());
		assertThat(meanLuma(enhancedImage)).isGreaterThan(meanLuma(dark) * 1.4);

		// The order page offers both.
		String page = this.mvc.perform(get("/orders/" + order.get("id").asText() + "?key=" + order.get("key").asText()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("version=enhanced").contains("Telle que prise").contains("Retouchée");

		// Past the limit of the order, from any address: refused.
		int limit = this.limits.limit(RateLimit.ENHANCED_DOWNLOAD).capacity();
		for (int i = 1; i < limit; i++) {
			assertThat(download(url + "&version=enhanced", "198.51.100." + (70 + i)).getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = download(url + "&version=enhanced", "198.51.100.90");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isNotNull();
		assertThat(download(url, "198.51.100.90").getStatus()).as("as shot is still served").isEqualTo(200);

		// An event without the edit offers no enhanced version.
		JsonNode plainOrder = paidOrder(plain, plainPhoto, "198.51.100.63");
		String plainUrl = plainOrder.get("downloads").get(0).get("url").asText();
		assertThat(plainOrder.get("downloads").get(0).get("enhancedUrl").isNull()).isTrue();
		assertThat(download(plainUrl + "&version=enhanced", "198.51.100.64").getStatus()).isEqualTo(404);
		assertThat(ShopTestUtils.sha256(download(plainUrl, "198.51.100.64").getContentAsByteArray()))
			.isEqualTo(ShopTestUtils.sha256(uploaded));
	}

	private static BufferedImage aDarkRunner() {
		BufferedImage runner = ShopTestUtils.runners(null, 1)[0];
		BufferedImage rgb = new BufferedImage(runner.getWidth(), runner.getHeight(), BufferedImage.TYPE_INT_RGB);
		rgb.getGraphics().drawImage(runner, 0, 0, null);
		return new RescaleOp(0.35f, 0, null).filter(rgb,
				new BufferedImage(runner.getWidth(), runner.getHeight(), BufferedImage.TYPE_INT_RGB));
	}

	private BufferedImage web(UUID photoId) throws Exception {
		try (InputStream in = this.photos.openDerivativeForAdmins(photoId, "web").orElseThrow()) {
			return ImageIO.read(in);
		}
	}

	private MockHttpServletResponse switchOn(Event event, TestAccount account) throws Exception {
		return this.mvc
			.perform(post("/pro/events/" + event.id() + "/auto-edit").param("on", "true")
				.with(csrf())
				.with(user(principal(account))))
			.andReturn()
			.getResponse();
	}

	private com.focusracer.accounts.AccountPrincipal principal(TestAccount account) {
		return this.accounts.principal(account);
	}

	private JsonNode paidOrder(Event event, UUID photo, String ip) throws Exception {
		MockHttpServletResponse created = this.mvc
			.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[\"" + photo
						+ "\"],\"email\":\"buyer@example.org\"}")
				.with(from(ip)))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		JsonNode order = this.json.readTree(created.getContentAsString());
		String id = order.get("id").asText();
		String key = order.get("key").asText();
		MockHttpServletResponse paid = this.mvc
			.perform(post("/api/v1/public/orders/" + id + "/test-payment").contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"SUCCEEDED\",\"key\":\"" + key + "\"}")
				.with(from(ip)))
			.andReturn()
			.getResponse();
		assertThat(paid.getStatus()).as(paid.getContentAsString()).isEqualTo(200);
		JsonNode full = this.json.readTree(this.mvc.perform(get("/api/v1/public/orders/" + id + "?key=" + key))
			.andReturn()
			.getResponse()
			.getContentAsString());
		((com.fasterxml.jackson.databind.node.ObjectNode) full).put("key", key);
		return full;
	}

	private MockHttpServletResponse download(String url, String ip) throws Exception {
		URI uri = URI.create(url);
		MvcResult result = this.mvc.perform(get(uri.getPath() + "?" + uri.getRawQuery()).with(from(ip))).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			return this.mvc.perform(asyncDispatch(result)).andReturn().getResponse();
		}
		return result.getResponse();
	}

	private static double meanLuma(BufferedImage image) {
		double sum = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int p = image.getRGB(x, y);
				sum += 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
			}
		}
		return sum / ((double) image.getWidth() * image.getHeight());
	}

}

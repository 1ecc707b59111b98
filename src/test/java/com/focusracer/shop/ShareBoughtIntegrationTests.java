package com.focusracer.shop;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.photos.PhotoActions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The buyer of a photo shares it without watermark, through their download link; everyone
 * else gets the watermarked teaser, or a refusal with someone else's link.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShareBoughtIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Autowired
	Downloads downloads;

	@Autowired
	PhotoActions actions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theBuyerSharesTheirPhotoWithoutWatermarkAndNobodyElseDoes() throws Exception {
		TestAccount photographer = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Course partagée");
		List<UUID> ids = new ArrayList<>(
				this.shop.publish(event, photographer, ShopTestUtils.runners(null, 2)).keySet());
		for (UUID id : ids) {
			this.jdbc.sql(
					"insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, '77', 'MANUAL', 1) "
							+ "on conflict do nothing")
				.params(id, event.id())
				.update();
		}
		Order order = this.orders
			.place(new Orders.Cart(event.slug(), List.of(ids.get(0)), AccountsTestUtils.uniqueEmail("share"), null,
					false, Resolution.ORIGINAL), null, Locale.FRENCH)
			.order();
		this.orders.testPayment(order, true);
		order = this.orders.get(order.id()).orElseThrow();
		String link = this.downloads.links(order).photos().get(0).path();
		String share = link.replace("?", "/share.jpg?") + "&format=square&bib=77";

		MockHttpServletResponse clean = this.mvc.perform(get(share)).andReturn().getResponse();
		assertThat(clean.getStatus()).isEqualTo(200);
		assertThat(clean.getContentType()).isEqualTo("image/jpeg");
		BufferedImage buyers = ImageIO.read(new ByteArrayInputStream(clean.getContentAsByteArray()));
		MockHttpServletResponse watermarked = this.mvc
			.perform(get("/events/" + event.slug() + "/photos/" + ids.get(0) + "/teaser.jpg?bib=77&format=square"))
			.andReturn()
			.getResponse();
		assertThat(watermarked.getStatus()).isEqualTo(200);
		BufferedImage everyones = ImageIO.read(new ByteArrayInputStream(watermarked.getContentAsByteArray()));
		assertThat(buyers.getWidth()).isEqualTo(1080);
		// The same crop: only the watermark differs (over the photo, not the band).
		assertThat(difference(buyers, everyones)).isGreaterThan(1.5);

		// Someone else's link, a tampered one, another photo: refused.
		assertThat(
				this.mvc.perform(get(share.replaceAll("sig=[^&]+", "sig=AAAA"))).andReturn().getResponse().getStatus())
			.isBetween(400, 499);
		assertThat(this.mvc.perform(get(share.replace(ids.get(0).toString(), ids.get(1).toString())))
			.andReturn()
			.getResponse()
			.getStatus()).isBetween(400, 499);

		// Hidden from the gallery: no share image, even for the buyer.
		this.actions.hide(ids.get(0), photographer.id(), true);
		assertThat(this.mvc.perform(get(share)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	/** Mean absolute difference of the upper two thirds (above the teaser's band). */
	static double difference(BufferedImage a, BufferedImage b) {
		long sum = 0;
		long n = 0;
		for (int y = 0; y < a.getHeight() * 2 / 3; y += 2) {
			for (int x = 0; x < a.getWidth(); x += 2) {
				int p = a.getRGB(x, y);
				int q = b.getRGB(x, y);
				sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF))
						+ Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF)) + Math.abs((p & 0xFF) - (q & 0xFF));
				n += 3;
			}
		}
		return sum / (double) n;
	}

}

package com.focusracer.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 375 px phone, under the strict CSP: the pro event page's QR codes and the A4
 * poster, and a runner's share page with their teasers. No horizontal scroll, no console
 * error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	com.focusracer.events.EventsTestUtils events;

	@Autowired
	com.focusracer.photos.PhotosTestUtils photos;

	@Autowired
	JdbcClient jdbc;

	private WebDriver browser;

	@BeforeAll
	void startBrowser() {
		this.browser = Chromium.start(Chromium.PHONE);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anOrganizerPrintsTheQrPosterAndARunnerSharesTheirTeasers() throws Exception {
		TestAccount organizer = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(organizer.id());
		UUID photo = this.photos.publish(event.id(), organizer.id(), runner()).get(0);
		this.jdbc.sql("""
				insert into bib_read (photo_id, event_id, bib, read_as, kind, confidence, box_x, box_y, box_w, box_h)
				values (?, ?, '42', '42', 'READ', 0.95, 0.45, 0.5, 0.1, 0.09) on conflict do nothing""")
			.params(photo, event.id())
			.update();
		this.jdbc.sql(
				"insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, '42', 'OCR', 0.95) "
						+ "on conflict do nothing")
			.params(photo, event.id())
			.update();

		open("/login");
		this.browser.findElement(By.id("username")).sendKeys(organizer.email());
		this.browser.findElement(By.id("password")).sendKeys(organizer.password());
		this.browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/pro"));
		open("/pro/events/" + event.id());
		assertThat(this.browser.findElement(By.id("qr-codes")).isDisplayed()).isTrue();
		assertFitsAndQuiet();
		open("/pro/events/" + event.id() + "/poster");
		assertThat(this.browser.findElement(By.cssSelector("#poster-qr svg path")).isDisplayed()).isTrue();
		assertFitsAndQuiet();

		open("/events/" + event.slug() + "/photos/" + photo + "?bib=42");
		this.browser.findElement(By.id("share-image")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-formats")));
		// The teasers are made and shown.
		new WebDriverWait(this.browser, Duration.ofSeconds(60))
			.until((driver) -> (Boolean) ((JavascriptExecutor) driver).executeScript(
					"return [...document.querySelectorAll('.share-preview')].every((i) => i.complete && i.naturalWidth > 0);"));
		assertFitsAndQuiet();
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void assertFitsAndQuiet() {
		assertThat(Chromium.pageWidth(this.browser)).as("page width of %s", this.browser.getCurrentUrl())
			.isLessThanOrEqualTo(Chromium.PHONE);
		assertThat(Chromium.consoleErrors(this.browser)).as("console errors on %s", this.browser.getCurrentUrl())
			.isEmpty();
	}

	static BufferedImage runner() {
		BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(120, 140, 120));
		g.fillRect(0, 0, 1200, 800);
		g.setColor(new Color(225, 190, 160));
		g.fillOval(555, 150, 90, 90);
		g.setColor(new Color(200, 40, 40));
		g.fillRect(520, 240, 160, 560);
		g.setColor(Color.WHITE);
		g.fillRect(540, 400, 120, 72);
		g.dispose();
		return image;
	}

}

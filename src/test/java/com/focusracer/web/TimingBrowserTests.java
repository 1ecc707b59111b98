package com.focusracer.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.timing.Timing;
import com.focusracer.timing.TimingFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timing pages on a 375 px phone in headless Chromium, under the strict CSP: the
 * organizer's timing page (adds a spot), the public search by time, and triage's timing
 * suggestions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	EventsTestUtils events;

	@Autowired
	TimingFixtures fixtures;

	@Autowired
	Timing timing;

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
	void theTimingPagesFitAPhoneWithoutConsoleErrors() {
		TestAccount owner = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(owner.id());
		this.fixtures.aStartListWithChips(event);
		this.fixtures.theTiming(event);
		this.timing.setOffset(event.id(), owner.id(), owner.id(), "", (double) TimingFixtures.CAMERA_AHEAD_SECONDS);
		UUID crowd = this.fixtures.aPhotoOf(event, owner.id(), 115, 0);

		open("/login");
		this.browser.findElement(By.id("username")).sendKeys(owner.email());
		this.browser.findElement(By.id("password")).sendKeys(owner.password());
		this.browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		open("/pro/events/" + event.id() + "/timing");
		assertThat(this.browser.findElements(By.cssSelector("#timing-points tr[data-point]"))).hasSize(2);
		this.browser.findElement(By.id("spot-km")).sendKeys("10");
		this.browser.findElement(By.id("spot-add")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timing-spots tr.spot"), 1));
		assertFitsAndNoErrors();

		// The spot re-links the photo without a bib: several runners, so suggestions.
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until((driver) -> {
			open("/pro/photos/" + crowd);
			return !driver.findElements(By.id("timing-suggestions")).isEmpty();
		});
		assertThat(this.browser.findElements(By.id("accept-115"))).hasSize(1);
		assertFitsAndNoErrors();

		open("/events/" + event.slug() + "/near?bib=115");
		assertThat(this.browser.findElements(By.cssSelector(".near-spot"))).hasSize(1);
		assertFitsAndNoErrors();
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void assertFitsAndNoErrors() {
		assertThat(Chromium.pageWidth(this.browser)).as("page width of %s", this.browser.getCurrentUrl())
			.isLessThanOrEqualTo(Chromium.PHONE);
		// The fixture photos have no files: their images fail to load; anything else is
		// an error (a script or style the CSP refuses, a script error).
		List<String> errors = Chromium.consoleErrors(this.browser)
			.stream()
			.filter((m) -> !(m.contains("Failed to load resource") && m.contains(".jpg")))
			.toList();
		assertThat(errors).as("console errors on %s", this.browser.getCurrentUrl()).isEmpty();
	}

}

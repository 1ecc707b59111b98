package com.focusracer.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.focusracer.marketplace.Listing;
import com.focusracer.marketplace.ListingSearch;
import com.focusracer.marketplace.Listings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketplace on a 375 px phone in headless Chromium, in French and English, under
 * the strict CSP: a guest browses the demo listing and profile, the demo photographer
 * applies, the demo organizer sees the applicant and accepts, an admin opens the reports.
 * No page scrolls sideways, none logs a console error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Listings listings;

	@Autowired
	com.focusracer.events.EventManagement events;

	@Autowired
	com.focusracer.accounts.AccountManagement accounts;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	void startBrowser() {
		this.browser = Chromium.start(Chromium.PHONE);
		// Scripts replace what they update: Chromium may then say "node does not belong
		// to
		// the document" rather than "stale element" to a condition that held it.
		this.wait = (WebDriverWait) new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.ignoring(WebDriverException.class);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aGuestBrowsesAPhotographerAppliesTheOrganizerAcceptsOnAPhone() {
		Listing listing = this.listings.search(ListingSearch.ALL)
			.stream()
			.filter((candidate) -> candidate.title().contains("(démo)"))
			.findFirst()
			.orElseThrow();
		open("/marketplace");
		assertThat(text("marketplace-title")).isEqualTo("Marketplace des photographes");
		checkPage();
		this.browser.findElement(By.id("lang-en")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("marketplace-title"), "Photographers' marketplace"));
		checkPage();
		this.browser.findElement(By.id("lang-fr")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("marketplace-title"), "Marketplace des photographes"));
		this.browser.findElement(By.cssSelector("#photographers a")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
		assertThat(text("reviews-checked")).contains("Avis vérifiés");
		checkPage();
		open("/marketplace/" + listing.slug());
		assertThat(text("listing-title")).isEqualTo(listing.title());
		checkPage();

		logIn("photographe@test.com", "photo123");
		open("/pro/marketplace");
		checkPage();
		open("/pro/marketplace/profile");
		checkPage();
		open("/marketplace/" + listing.slug());
		String position = listing.positions().get(1).id().toString();
		this.browser.findElement(By.id("message-" + position)).sendKeys("Je connais bien le parcours.");
		this.browser.findElement(By.cssSelector("#apply-" + position + " input[name=terms]")).click();
		this.browser.findElement(By.cssSelector("#apply-" + position + " button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("/pro/marketplace"));
		assertThat(text("my-applications")).contains("Envoyée");
		checkPage();
		logOut();

		logIn("orga@test.com", "orga123");
		open("/pro/events/" + listing.eventId() + "/listing");
		assertThat(text("applicants-title")).isEqualTo(listing.title());
		checkPage();
		this.browser.findElement(By.cssSelector("button[id^='accept-']")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Retenue"));
		checkPage();
		var organizer = this.accounts.findByEmail("orga@test.com").orElseThrow();
		var another = this.events.create(organizer.id(),
				new com.focusracer.events.EventDraft("Trail du navigateur " + java.util.UUID.randomUUID(),
						java.time.LocalDate.now().plusDays(30), "Annecy", "trail", null,
						com.focusracer.events.Visibility.PUBLIC, false, null, null, null, null));
		open("/pro/events/" + another.id() + "/listing");
		assertThat(text("listing-form-title")).isEqualTo("Trouver des photographes");
		checkPage();
		this.browser.findElement(By.id("title")).sendKeys("Photographes pour le trail");
		this.browser.findElement(By.id("fee")).sendKeys("120");
		this.browser.findElement(By.id("role-0")).sendKeys("Arrivée");
		this.browser.findElement(By.id("km-0")).sendKeys("25");
		this.browser.findElement(By.id("publish-listing")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applicants-title")));
		checkPage();
		open("/pro/payouts");
		assertThat(text("agreed-fees")).contains("Vous devez");
		checkPage();
		logOut();

		logIn("admin@focusracer.com", "admin123");
		open("/admin/marketplace");
		assertThat(text("admin-marketplace-title")).isEqualTo("Avis signalés");
		checkPage();
		logOut();
	}

	private void logIn(String email, String password) {
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys(email);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.id("login-submit")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
	}

	private void logOut() {
		this.browser.findElement(By.id("logout")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private String text(String id) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText().trim();
	}

	/** No sideways scroll on a phone, and nothing the strict CSP refused. */
	private void checkPage() {
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		Number width = (Number) script.executeScript("return document.documentElement.scrollWidth;");
		Object tooWide = script.executeScript("const w = 375; return [...document.querySelectorAll('body *')]"
				+ ".filter((e) => e.getBoundingClientRect().right > w + 1).slice(0, 6)"
				+ ".map((e) => e.tagName + '.' + e.className + '#' + e.id).join(' ');");
		assertThat(width.intValue())
			.as("page width of %s on a 375 px screen (wider: %s)", this.browser.getCurrentUrl(), tooWide)
			.isLessThanOrEqualTo(375);
		java.util.List<String> errors = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
		assertThat(errors).as("console errors on %s", this.browser.getCurrentUrl()).isEmpty();
	}

}

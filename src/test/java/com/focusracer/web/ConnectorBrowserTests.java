package com.focusracer.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.focusracer.events.Connectors;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Runner;
import com.focusracer.events.StartListSource.Credentials;
import com.focusracer.events.StartLists;
import com.focusracer.events.Visibility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector, column-mapping and event pages on a 375 px phone in headless Chromium:
 * no horizontal scroll, no console error under the strict CSP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	com.focusracer.accounts.AccountManagement accounts;

	@Autowired
	EventManagement events;

	@Autowired
	StartLists startLists;

	@Autowired
	Connectors connectors;

	@Autowired
	JdbcClient jdbc;

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
	void anOrganizerSeesTheConnectorMapsAnExportAndIsAskedAboutRemovals() throws Exception {
		UUID organizer = this.accounts.findByEmail("orga@test.com").orElseThrow().id();
		Event event = this.events.create(organizer,
				new EventDraft("Corrida " + Long.toString(System.nanoTime(), 36), LocalDate.now().plusDays(20), "Nîmes",
						"running", null, Visibility.PUBLIC, false, null, null, null, null));
		this.connectors.save(event.id(), organizer, "njuko",
				new Credentials("edition-2026", null, "a-long-njuko-api-key-9f3e", null));
		this.startLists.save(event.id(), organizer,
				new Runner("101", "Jérôme", "Dupont", null, null, null, null, null));
		this.jdbc.sql("insert into start_list_pending_removal (event_id, bib, detected_at) values (?, '101', now())")
			.param(event.id())
			.update();

		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("orga@test.com");
		this.browser.findElement(By.id("password")).sendKeys("orga123");
		this.browser.findElement(By.id("login-submit")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));

		open("/pro/events/" + event.id());
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-removals")));
		assertFitsAPhone();

		open("/pro/events/" + event.id() + "/connector");
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-saved"))).getText())
			.contains("9f3e")
			.doesNotContain("a-long-njuko");
		assertThat(this.browser.findElement(By.id("pending-removals")).getText()).contains("101");
		assertFitsAPhone();

		open("/pro/events/" + event.id() + "/start-list");
		Path export = Files.createTempFile("kms", ".csv");
		Files.writeString(export, "N° Doss;Nom coureur;Prénom coureur\n7;Martin;Léa\n", StandardCharsets.UTF_8);
		this.browser.findElement(By.id("mapped-file")).sendKeys(export.toString());
		this.browser.findElement(By.id("mapped-upload")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-form")));
		assertFitsAPhone();
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("map-bib"))).selectByValue("N° Doss");
		this.browser.findElement(By.id("mapping-apply")).click();
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("added-count"))).getText())
			.isEqualTo("1");
		assertFitsAPhone();
		Files.delete(export);
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void assertFitsAPhone() {
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		Number width = (Number) script.executeScript("return document.documentElement.scrollWidth;");
		Object tooWide = script.executeScript("return [...document.querySelectorAll('body *')]"
				+ ".filter((e) => e.getBoundingClientRect().right > 376).slice(0, 6)"
				+ ".map((e) => e.tagName + '.' + e.className + '#' + e.id).join(' ');");
		assertThat(width.intValue())
			.as("page width of %s on a 375 px screen (wider: %s)", this.browser.getCurrentUrl(), tooWide)
			.isLessThanOrEqualTo(375);
		assertThat(Chromium.consoleErrors(this.browser)).as("console errors on %s", this.browser.getCurrentUrl())
			.isEmpty();
	}

}

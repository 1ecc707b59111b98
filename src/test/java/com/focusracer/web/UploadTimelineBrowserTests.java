package com.focusracer.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.Event;
import com.focusracer.events.EventsTestUtils;
import com.focusracer.photos.Photos;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload page's timeline in a real (headless) Chromium, on a desktop screen and on a
 * 375 px phone: a photographer uploads a photo, sees the four rings reach "done" and a
 * "Did you know?" fact, opens Bib Runner and plays it with the keyboard or a tap; the
 * page raises no console error (a strict-CSP violation is one) and never scrolls
 * sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class UploadTimelineBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	EventsTestUtils events;

	private WebDriver browser;

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void onADesktopTheRingsGoThroughCompressionUploadProcessingAndDone() throws Exception {
		start(false);
		Event event = uploadPage();
		this.browser.findElement(By.id("downscale")).click();
		upload(event);
		assertThat(step("compress").getAttribute("data-status")).isEqualTo("done");
		assertThat(step("compress").getAttribute("data-pct")).isEqualTo("100");
		factShown();

		this.browser.findElement(By.id("bib-runner-open")).click();
		WebElement canvas = new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("bib-runner-canvas")));
		assertThat(canvas.getAttribute("data-state")).isEqualTo("ready");
		new Actions(this.browser).sendKeys(" ").perform();
		playsAndScores(canvas);
		this.browser.findElement(By.id("bib-runner-close")).click();
		assertThat(canvas.getAttribute("data-state")).as("closing the game pauses it").isEqualTo("paused");
		this.browser.findElement(By.id("bib-runner-open")).click();
		new Actions(this.browser).sendKeys(org.openqa.selenium.Keys.ARROW_UP).perform();
		assertThat(canvas.getAttribute("data-state")).as("the up arrow resumes it").isEqualTo("running");
		// The tab goes to the background: the game pauses.
		((JavascriptExecutor) this.browser)
			.executeScript("Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });"
					+ "document.dispatchEvent(new Event('visibilitychange'));");
		assertThat(canvas.getAttribute("data-state")).as("a hidden tab pauses it").isEqualTo("paused");
		new Actions(this.browser).sendKeys(" ").perform();
		assertThat(canvas.getAttribute("data-state")).isEqualTo("running");
		bestScoreKept(canvas);
		screenshot("upload-timeline-desktop");
		noConsoleError();
	}

	@Test
	void onAPhoneTheTimelineFitsAndTheGameIsPlayedByTapping() throws Exception {
		start(true);
		Event event = uploadPage();
		assertNoHorizontalScroll();
		upload(event);
		assertThat(step("compress").getAttribute("data-status")).as("no downscale, no compression step")
			.isEqualTo("skipped");
		factShown();
		assertNoHorizontalScroll();

		this.browser.findElement(By.id("bib-runner-open")).click();
		WebElement canvas = new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("bib-runner-canvas")));
		canvas.click();
		playsAndScores(canvas);
		assertNoHorizontalScroll();
		assertThat(canvas.getRect().getWidth()).as("the game fits the phone").isLessThanOrEqualTo(375);
		bestScoreKept(canvas);
		screenshot("upload-timeline-phone");
		canvas.click();
		assertThat(canvas.getAttribute("data-state")).as("a tap runs again").isEqualTo("running");
		noConsoleError();
	}

	private void start(boolean phone) {
		this.browser = Chromium.start(phone ? Chromium.PHONE : 1280);
	}

	private Event uploadPage() {
		UUID photographer = this.accounts.findByEmail("photographe@test.com").orElseThrow().id();
		Event event = this.events.aMarathon(photographer);
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("photographe@test.com");
		this.browser.findElement(By.id("password")).sendKeys("photo123");
		this.browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/pro"));
		open("/pro/events/" + event.id() + "/upload");
		assertThat(this.browser.findElements(By.cssSelector("#upload-timeline [data-step]"))).hasSize(4);
		assertThat(step("upload").getAttribute("data-status")).isEqualTo("pending");
		return event;
	}

	private void upload(Event event) throws Exception {
		Path file = Files.createTempDirectory("timeline").resolve("IMG_0420.JPG");
		Files.write(file, Photos.jpeg(Photos.aFinishLineScene(1800, 1200)));
		this.browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
		new WebDriverWait(this.browser, Duration.ofSeconds(60))
			.until((driver) -> "done".equals(step("done").getAttribute("data-status")));
		for (String name : List.of("upload", "process", "done")) {
			assertThat(step(name).getAttribute("data-status")).as(name).isEqualTo("done");
			assertThat(step(name).getAttribute("data-pct")).as(name).isEqualTo("100");
			assertThat(step(name).findElement(By.cssSelector(".ring-value")).getAttribute("stroke-dasharray"))
				.isEqualTo("100 100");
		}
		assertThat(this.browser.findElement(By.id("upload-timeline")).getAttribute("data-progress")).isEqualTo("100");
		assertThat(this.browser.findElements(By.cssSelector("#upload-list li[data-state=published]"))).hasSize(1);
	}

	private void factShown() {
		WebElement fact = this.browser.findElement(By.id("upload-fact"));
		assertThat(fact.isDisplayed()).isTrue();
		assertThat(fact.getText()).startsWith("Le saviez-vous ?");
		assertThat(this.browser.findElement(By.id("fact-text")).getText()).hasSizeGreaterThan(20);
		assertThat(Integer.parseInt(fact.getAttribute("data-shown"))).isPositive();
	}

	private void playsAndScores(WebElement canvas) {
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until((driver) -> !"ready".equals(canvas.getAttribute("data-state")));
		// It runs until the runner meets a cone (no more jumps are pressed), scoring
		// all the while.
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> Integer.parseInt(canvas.getAttribute("data-score")) > 0);
		assertThat(this.browser.findElement(By.id("bib-runner-score")).getText()).startsWith("Score");
	}

	/**
	 * Without jumps the runner meets a cone soon: the game is over and its score is the
	 * best one, kept in the browser.
	 */
	private void bestScoreKept(WebElement canvas) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> "over".equals(canvas.getAttribute("data-state")));
		Object stored = ((JavascriptExecutor) this.browser)
			.executeScript("return window.localStorage.getItem('focusracer.bibRunner.best');");
		assertThat(Integer.parseInt(String.valueOf(stored))).isPositive();
		assertThat(this.browser.findElement(By.id("bib-runner-best")).getText()).isEqualTo("Record : " + stored);
	}

	private WebElement step(String name) {
		return this.browser.findElement(By.cssSelector("#upload-timeline [data-step=" + name + "]"));
	}

	private void noConsoleError() {
		List<LogEntry> errors = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
		assertThat(errors).as("console errors").isEmpty();
	}

	private void assertNoHorizontalScroll() {
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		Number viewport = (Number) script.executeScript("return window.innerWidth;");
		Number width = (Number) script.executeScript("return document.documentElement.scrollWidth;");
		assertThat(viewport.intValue()).isEqualTo(375);
		assertThat(width.intValue()).as("page width on a 375 px screen").isLessThanOrEqualTo(375);
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}

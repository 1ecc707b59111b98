package com.focusracer.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.focusracer.accounts.AccountsTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person in a real (headless) Chromium, on a 375 px wide phone screen: signs up,
 * confirms, logs out, logs in, switches language, and opens each demo account's space.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	AccountsTestUtils fixtures;

	@Autowired
	com.focusracer.accounts.AccountManagement accountManagement;

	@Autowired
	com.focusracer.events.EventsTestUtils events;

	@Autowired
	com.focusracer.events.EventManagement eventManagement;

	@Autowired
	com.focusracer.events.StartLists startLists;

	@Autowired
	com.focusracer.photos.PhotosTestUtils published;

	@Autowired
	com.focusracer.shop.PriceLists priceLists;

	@Autowired
	com.focusracer.shop.Orders orders;

	@Autowired
	com.focusracer.recognition.RecognitionManagement recognition;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	void startBrowser() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install -y chromium chromium-driver (.ci/run does it)");
		}
		assumeTrue(installed, "Install chromium and chromium-driver to run the browser tests");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--lang=fr-FR");
		// A phone: desktop windows cannot be made narrower than about 500 px.
		options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
				java.util.Map.of("width", 375, "height", 812, "pixelRatio", 2.0, "touch", true)));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
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
	void signUpConfirmLogOutLogInAndSwitchLanguage() throws Exception {
		open("/");
		assertThat(text(By.id("home-title"))).contains("Retrouvez toutes vos photos");
		assertNoHorizontalScroll();
		this.browser.findElement(By.id("nav-signup")).click();

		String email = AccountsTestUtils.uniqueEmail("browser");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name"))).sendKeys("Camille Durand");
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.id("password")).sendKeys("ma course du dimanche");
		assertThat(this.browser.findElement(By.id("profile")).isDisplayed()).as("pro type hidden for a runner")
			.isFalse();
		this.browser.findElement(By.id("kind-pro")).click();
		assertThat(this.browser.findElement(By.id("profile")).isDisplayed()).isTrue();
		this.browser.findElement(By.id("kind-runner")).click();
		this.browser.findElement(By.id("accept-terms")).click();
		this.browser.findElement(By.id("signup-submit")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signup-sent")));
		screenshot("signup-sent");

		open(this.fixtures.linkInLatestMail(email, "Confirmez"));
		this.wait.until(ExpectedConditions.urlContains("/account"));
		assertThat(text(By.id("space-title"))).isEqualTo("Mon compte");

		this.browser.findElement(By.id("logout")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
		assertThat(this.browser.getCurrentUrl()).doesNotContain("/account");

		logIn(email, "ma course du dimanche");
		this.wait.until(ExpectedConditions.urlContains("/account"));
		assertThat(text(By.id("space-title"))).isEqualTo("Mon compte");

		this.browser.findElement(By.id("lang-en")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("space-title"), "My account"));
		open("/settings");
		assertText(By.tagName("h1"), "Account settings");
		this.browser.findElement(By.id("logout")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
		assertText(By.id("nav-login"), "Log in");
		this.browser.findElement(By.id("lang-fr")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("nav-login"), "Se connecter"));
		// The terms of sale, from the footer.
		this.browser.findElement(By.id("footer-terms")).click();
		assertText(By.tagName("h1"), "Conditions générales de vente");
		assertNoHorizontalScroll();
		screenshot("legal-terms");
	}

	@Test
	void eachDemoAccountLandsOnItsOwnSpace() throws Exception {
		landsOn("admin@focusracer.com", "admin123", "/admin", "Administration");
		landsOn("photographe@test.com", "photo123", "/pro", "Espace pro");
		landsOn("orga@test.com", "orga123", "/pro", "Espace pro");
		landsOn("coureur@test.com", "runner123", "/account", "Mon compte");
	}

	@Test
	void aRunnerSeesWhyAProPageIsRefused() throws Exception {
		logIn("coureur@test.com", "runner123");
		this.wait.until(ExpectedConditions.urlContains("/account"));
		open("/pro");
		assertThat(text(By.id("forbidden"))).contains("espace pro");
		open("/admin");
		assertThat(text(By.id("forbidden"))).contains("administration");
		screenshot("forbidden");
		this.browser.findElement(By.id("logout")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
	}

	@Test
	void aPhotographerUploadsPhotosAndWatchesThemGetPublished() throws Exception {
		java.util.UUID photographer = this.accountManagement.findByEmail("photographe@test.com").orElseThrow().id();
		com.focusracer.events.Event event = this.events.aMarathon(photographer);
		Path folder = Files.createTempDirectory("browser-upload");
		StringBuilder paths = new StringBuilder();
		for (int i = 1; i <= 3; i++) {
			Path file = folder.resolve("IMG_00" + i + ".JPG");
			Files.write(file,
					com.focusracer.photos.Photos.jpeg(com.focusracer.photos.Photos.aFinishLineScene(1800 + i, 1200)));
			paths.append((i > 1) ? "\n" : "").append(file.toAbsolutePath());
		}
		Path text = folder.resolve("notes.txt");
		Files.writeString(text, "not a photo");
		paths.append("\n").append(text.toAbsolutePath());

		logIn("photographe@test.com", "photo123");
		this.wait.until(ExpectedConditions.urlContains("/pro"));
		open("/pro/events/" + event.id() + "/upload");
		this.browser.findElement(By.id("files")).sendKeys(paths.toString());
		new WebDriverWait(this.browser, Duration.ofSeconds(60)).until(
				(driver) -> driver.findElements(By.cssSelector("#upload-list li[data-state=published]")).size() == 3);
		assertThat(this.browser.findElements(By.cssSelector("#upload-list li[data-state=rejected]"))).hasSize(1);
		assertThat(this.browser.findElements(By.cssSelector("#upload-list li[data-state=published]")))
			.as("each published row says which bib was read")
			.allSatisfy((row) -> {
				assertThat(row.getAttribute("data-bibs")).isEqualTo("1975");
				assertThat(row.getText()).contains("dossards : 1975");
			});
		assertThat(text(By.id("overall-text"))).isEqualTo("4 / 4");
		assertText(By.id("upload-summary"), "Terminé : 3 publiées · 3 avec un coureur · 0 avec un numéro lu hors liste "
				+ "· 0 sans dossard lu · 0 déjà envoyées · 1 refusées ou en échec");
		screenshot("upload");
		open("/pro/events/" + event.id() + "/photos");
		assertThat(this.browser.findElements(By.cssSelector(".photo-grid img"))).hasSize(3);
		assertThat(this.browser.findElements(By.cssSelector(".tile-bibs .bib")))
			.as("the bib printed on each photo was read")
			.hasSize(3)
			.allSatisfy((bib) -> assertThat(bib.getText()).isEqualTo("1975"));
		screenshot("triage");
		// The event page's coverage, filled in by the page's script.
		open("/pro/events/" + event.id());
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((driver) -> driver.findElement(By.id("coverage-photos")).getText().startsWith("100"));
		assertThat(text(By.id("coverage-orphans"))).isEqualTo("0");
		// A correction from the photo's viewer.
		open("/pro/events/" + event.id() + "/photos");
		this.browser.findElement(By.cssSelector(".photo-grid a")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bibs-form")));
		this.browser.findElement(By.id("bibs")).clear();
		this.browser.findElement(By.id("bibs")).sendKeys("42 7");
		this.browser.findElement(By.cssSelector("#bibs-form button")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("photo-links"), "42"));
		assertThat(text(By.id("photo-links"))).contains("7").contains("corrigé à la main").doesNotContain("1975");
		screenshot("viewer-corrected");
		this.browser.findElement(By.id("logout")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
	}

	@Test
	void aRunnerFindsTheirPhotosByBibWalksThroughThemAndKeepsAFavourite() throws Exception {
		java.util.UUID photographer = this.accountManagement.findByEmail("photographe@test.com").orElseThrow().id();
		String name = "Corrida " + Long.toString(System.nanoTime(), 36);
		com.focusracer.events.Event event = this.eventManagement.create(photographer,
				new com.focusracer.events.EventDraft(name, java.time.LocalDate.now(), "Villeurbanne", "running", null,
						com.focusracer.events.Visibility.PUBLIC, true, null, null, null, null));
		this.startLists.save(event.id(), photographer, new com.focusracer.events.Runner("1975", "Jérôme", "Dupont",
				"jerome@example.fr", "SEM", null, null, 1988));
		this.published.publish(event.id(), photographer,
				com.focusracer.photos.Photos.aRunner(1800, 1200, "1975", java.awt.Color.BLUE, 1),
				com.focusracer.photos.Photos.aRunner(1800, 1200, "1975", java.awt.Color.RED, 2));

		// From the home page to the event, then a bib search.
		open("/");
		this.browser.findElement(By.id("event-search")).sendKeys(name + "\n");
		this.wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q"))).sendKeys("1975\n");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
		assertThat(text(By.id("results-title"))).contains("Jérôme D.").contains("2 photos");
		assertThat(this.browser.findElements(By.cssSelector("#results .public-tile img"))).hasSize(2);
		assertThat(this.browser.getPageSource()).doesNotContain("jerome@example.fr");
		assertNoHorizontalScroll();
		screenshot("gallery-results");

		// The viewer: position, the next photo by keyboard, a favourite kept in the
		// browser.
		this.browser.findElement(By.cssSelector("#results .public-tile a")).click();
		assertText(By.id("viewer-position"), "Photo 1 sur 2");
		this.browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
		this.wait.until(ExpectedConditions.textToBe(By.id("viewer-position"), "Photo 2 sur 2"));
		this.browser.findElement(By.id("favourite")).click();
		assertThat(this.browser.findElement(By.id("favourite")).getAttribute("aria-pressed")).isEqualTo("true");
		assertNoHorizontalScroll();
		screenshot("gallery-viewer");
		this.browser.findElement(By.id("nav-favourites")).click();
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#favourites .public-tile"), 1));

		// By name, in English.
		open("/events/" + event.slug() + "?lang=en");
		this.browser.findElement(By.id("q")).sendKeys("dupont\n");
		assertThat(text(By.id("results-title"))).isEqualTo("Jérôme D. (bib 1975): 2 photos");
		open("/?lang=fr");

		// The page offers selfie search exactly where this server can run it.
		open("/events/" + event.slug());
		assertThat(this.browser.findElements(By.id("selfie-form")).isEmpty())
			.as("selfie form shown only with face models")
			.isEqualTo(!this.recognition.available());
	}

	@Test
	void aPortraitPhotoFillsThePhoneAndSharingCopiesTheLink() throws Exception {
		java.util.UUID photographer = this.accountManagement.findByEmail("photographe@test.com").orElseThrow().id();
		com.focusracer.events.Event event = this.eventManagement.create(photographer,
				new com.focusracer.events.EventDraft("Portrait " + Long.toString(System.nanoTime(), 36),
						java.time.LocalDate.now(), "Lyon", "running", null, com.focusracer.events.Visibility.PUBLIC,
						false, null, null, null, null));
		java.util.UUID photo = this.published
			.publish(event.id(), photographer,
					com.focusracer.photos.Photos.aRunner(1200, 1800, "1975", java.awt.Color.BLUE, 3))
			.get(0);
		open("/events/" + event.slug() + "/photos/" + photo);
		this.wait.until((driver) -> (Boolean) ((JavascriptExecutor) driver)
			.executeScript("return document.getElementById('viewer-photo').complete;"));
		Number width = (Number) ((JavascriptExecutor) this.browser)
			.executeScript("return document.getElementById('viewer-photo').getBoundingClientRect().width;");
		Number height = (Number) ((JavascriptExecutor) this.browser)
			.executeScript("return document.getElementById('viewer-photo').getBoundingClientRect().height;");
		assertThat(width.doubleValue()).as("the portrait photo's width on a 375 px phone").isGreaterThan(370);
		assertThat(height.doubleValue() / width.doubleValue()).as("its shape").isCloseTo(1.5, within(0.05));
		assertThat(this.browser.findElements(By.id("share-url"))).as("no raw address field").isEmpty();
		org.openqa.selenium.WebElement share = this.browser.findElement(By.id("share"));
		boolean sheet = (Boolean) ((JavascriptExecutor) this.browser).executeScript("return !!navigator.share;");
		if (!sheet) {
			assertThat(share.getText()).isEqualTo("Copier le lien");
			share.click();
			this.wait.until(ExpectedConditions.textToBe(By.id("share"), "Lien copié"));
		}
		assertNoHorizontalScroll();
		screenshot("gallery-viewer-portrait");
	}

	@Test
	void aRunnerIsAskedForConsentBeforeASelfieSearchAndToldWhenNoFaceIsFound() throws Exception {
		assumeTrue(this.recognition.available(),
				"needs the face models, which the build fetches with npm (see the README)");
		java.util.UUID photographer = this.accountManagement.findByEmail("photographe@test.com").orElseThrow().id();
		com.focusracer.events.Event event = this.eventManagement.create(photographer,
				new com.focusracer.events.EventDraft("Selfie " + Long.toString(System.nanoTime(), 36),
						java.time.LocalDate.now(), "Lyon", "running", null, com.focusracer.events.Visibility.PUBLIC,
						true, null, null, null, null));
		open("/events/" + event.slug());
		Path selfie = Files.createTempDirectory("browser-selfie").resolve("selfie.jpg");
		Files.write(selfie, com.focusracer.photos.Photos
			.jpeg(com.focusracer.photos.Photos.aRunner(600, 800, null, java.awt.Color.ORANGE, 7)));
		this.browser.findElement(By.id("selfie-file")).sendKeys(selfie.toAbsolutePath().toString());
		this.browser.findElement(By.id("selfie-submit")).click();
		assertThat((Boolean) ((JavascriptExecutor) this.browser)
			.executeScript("return document.getElementById('selfie-consent').validity.valueMissing;")).isTrue();
		assertThat(this.browser.findElement(By.id("selfie-status")).getText()).isEmpty();
		this.browser.findElement(By.id("selfie-consent")).click();
		this.browser.findElement(By.id("selfie-submit")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selfie-status"), "Aucun visage"));
		screenshot("gallery-selfie");
	}

	@Test
	void aRunnerBuysThreePhotosAsAPackAndDownloadsTheOriginals() throws Exception {
		java.util.UUID photographer = this.accountManagement.findByEmail("photographe@test.com").orElseThrow().id();
		com.focusracer.events.Event event = this.eventManagement.create(photographer,
				new com.focusracer.events.EventDraft("Foulées " + Long.toString(System.nanoTime(), 36),
						java.time.LocalDate.now(), "Bron", "running", null, com.focusracer.events.Visibility.PUBLIC,
						false, null, null, null, null));
		this.priceLists.save(event.id(), photographer, "photographe@test.com", new com.focusracer.shop.PriceLists.Form(
				"5", java.util.List.of("3"), java.util.List.of("12"), "", "3", "", false, false, 0));
		java.awt.image.BufferedImage[] images = com.focusracer.shop.ShopTestUtils.runners("1975", 3);
		java.util.List<java.util.UUID> ids = this.published.publish(event.id(), photographer, images);
		java.util.Set<String> uploaded = new java.util.HashSet<>();
		for (java.awt.image.BufferedImage image : images) {
			uploaded.add(com.focusracer.shop.ShopTestUtils.sha256(com.focusracer.photos.Photos.jpeg(image)));
		}

		// Prices before the cart: what the event sells, the best price for the runner's
		// three photos, the photo's price in the viewer.
		open("/events/" + event.slug() + "?bib=1975");
		assertText(By.id("runner-offer"), "Toutes vos 3 photos : 12,00 € au lieu de 15,00 €");
		assertText(By.id("offer-single"), "5,00 €");
		assertText(By.cssSelector(".offer-pack[data-photos='3']"), "12,00 €");
		assertText(By.id("offer-web"), "3,00 €");
		((JavascriptExecutor) this.browser).executeScript("document.getElementById('offer').scrollIntoView();");
		assertNoHorizontalScroll();
		screenshot("gallery-offer");
		open("/events/" + event.slug() + "/photos/" + ids.get(0) + "?bib=1975");
		assertText(By.id("photo-price"), "Cette photo : 5,00 € · version web 3,00 €");
		assertText(By.id("runner-offer"), "Toutes vos 3 photos : 12,00 € au lieu de 15,00 €");
		assertThat(text(By.id("photo-number"))).matches("Photo n° [0-9A-F]{8}");
		assertNoHorizontalScroll();
		screenshot("gallery-viewer-price");

		// From the search result, three photos into the cart.
		open("/events/" + event.slug() + "?bib=1975");
		java.util.List<org.openqa.selenium.WebElement> add = this.wait
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results .cart-add"), 3));
		for (org.openqa.selenium.WebElement button : add) {
			button.click();
			assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
		}
		this.browser.findElement(By.id("open-cart")).click();

		// The pack price, explained.
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".quote-amount"), "12,00"));
		assertThat(text(By.cssSelector(".quote-lines"))).contains("1 pack de 3 photos");
		assertThat(text(By.cssSelector(".quote-savings"))).isEqualTo("vous économisez 3,00 €");
		assertThat(text(By.cssSelector(".checkout-form"))).contains("paiements de test");
		assertText(By.cssSelector(".cart-web-label"), "Version web 1600 px : 3,00 € la photo");
		assertNoHorizontalScroll();
		screenshot("shop-cart");
		this.browser.findElement(By.cssSelector(".cart-email")).sendKeys("coureur-achat@example.org");
		this.browser.findElement(By.cssSelector(".cart-immediate")).click();
		this.browser.findElement(By.cssSelector(".checkout")).click();

		// Test payments, clearly labelled; the order is paid and the links appear.
		assertThat(text(By.id("test-payments"))).isEqualTo("Paiements de test");
		assertThat(text(By.id("order-amount"))).isEqualTo("12,00 €");
		this.browser.findElement(By.id("pay-succeed")).click();
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PAID"));
		assertThat(this.browser.findElements(By.cssSelector("#download-list a.download"))).hasSize(3);
		assertThat(text(By.id("receipt"))).matches("Facture FR-\\d{4}-\\d{6} \\(PDF\\)");
		assertNoHorizontalScroll();
		screenshot("shop-order-paid");
		// The invoice: the pack on one line, kept beside the screenshots to look at.
		byte[] invoice = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(this.browser.findElement(By.id("receipt")).getAttribute("href")))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
			.body();
		Files.write(Path.of("target", "screenshots", "shop-invoice.pdf"), invoice);
		assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(invoice))
			.getTextFromPage(1)).contains("Pack de 3 photos, original").contains("SIRET");

		// One photo downloaded by the browser: the very bytes that were uploaded.
		String href = this.browser.findElement(By.cssSelector("#download-list a.download")).getAttribute("href");
		String digest = (String) ((JavascriptExecutor) this.browser).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch(arguments[0]).then((r) => r.arrayBuffer()).then((b) => crypto.subtle.digest('SHA-256', b))
						  .then((d) => done(Array.from(new Uint8Array(d)).map((x) => x.toString(16).padStart(2, '0')).join('')));
						""",
				href);
		assertThat(uploaded).contains(digest);
		// The ZIP holds the three originals.
		String zip = this.browser.findElement(By.id("download-zip")).getAttribute("href");
		byte[] archive = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(zip)).build(),
					java.net.http.HttpResponse.BodyHandlers.ofByteArray())
			.body();
		assertThat(com.focusracer.shop.ShopTestUtils.zipContents(archive).values())
			.containsExactlyInAnyOrderElementsOf(uploaded);
		// The cart let these photos go.
		open("/cart");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cart-empty")));
	}

	@Test
	void anOrganizerPricesAnEventAndAnAdminRefundsAnOrder() throws Exception {
		java.util.UUID organizer = this.accountManagement.findByEmail("orga@test.com").orElseThrow().id();
		com.focusracer.events.Event event = this.eventManagement.create(organizer,
				new com.focusracer.events.EventDraft("Trail " + Long.toString(System.nanoTime(), 36),
						java.time.LocalDate.now(), "Lyon", "trail", null, com.focusracer.events.Visibility.PUBLIC,
						false, null, null, null, null));
		logIn("orga@test.com", "orga123");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
		open("/pro/events/" + event.id());
		// (the page's script fills the coverage figures in: wait until it has, as a
		// user would see the page settle)
		this.wait.until((driver) -> !driver.findElement(By.id("coverage-photos")).getText().equals("…"));
		assertNoHorizontalScroll();
		this.browser.findElement(By.id("open-prices")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("price-single"))).sendKeys("6");
		this.browser.findElement(By.id("pack-photos-0")).sendKeys("3");
		this.browser.findElement(By.id("pack-price-0")).sendKeys("15");
		this.browser.findElement(By.id("price-all")).sendKeys("abc");
		this.browser.findElement(By.id("save-prices")).click();
		// A mistake: nothing saved, the form comes back as typed with what to fix.
		assertThat(text(By.cssSelector(".alert.error"))).contains("« abc » n'est pas un montant");
		assertThat(this.browser.findElement(By.id("pack-price-0")).getAttribute("value")).isEqualTo("15");
		this.browser.findElement(By.id("price-all")).clear();
		this.browser.findElement(By.id("price-all")).sendKeys("24");
		this.browser.findElement(By.id("save-prices")).click();
		assertText(By.cssSelector(".alert.notice"), "Prix enregistrés.");
		assertThat(this.browser.findElement(By.id("price-single")).getAttribute("value")).isEqualTo("6,00");
		assertNoHorizontalScroll();
		screenshot("shop-prices");
		this.browser.findElement(By.id("nav-payouts")).click();
		assertThat(text(By.id("connect-off"))).contains("10 %");
		assertNoHorizontalScroll();
		screenshot("shop-payouts");
		this.browser.findElement(By.id("logout")).click();

		// An order of that event, paid; the admin refunds 2 € from the order's page.
		java.util.UUID photographer = this.accountManagement.findByEmail("photographe@test.com").orElseThrow().id();
		this.eventManagement.addPhotographer(event.id(), organizer, "photographe@test.com");
		java.util.List<java.util.UUID> photos = this.published.publish(event.id(), photographer,
				com.focusracer.shop.ShopTestUtils.runners(null, 1));
		com.focusracer.shop.Orders.Placed placed = this.orders.place(
				new com.focusracer.shop.Orders.Cart(event.slug(), photos, "fan@example.org", null, false, null), null,
				java.util.Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		logIn("admin@focusracer.com", "admin123");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-orders"))).click();
		this.browser.findElement(By.cssSelector("tr[data-order='" + placed.order().id() + "'] a")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refund-amount"))).sendKeys("2");
		this.browser.findElement(By.id("refund")).click();
		assertText(By.id("admin-order-status"), "Remboursée en partie");
		assertText(By.id("admin-order-refunded"), "2,00 €");
		assertNoHorizontalScroll();
		screenshot("shop-admin-order");
		this.browser.findElement(By.id("logout")).click();
	}

	private void landsOn(String email, String password, String path, String title) throws Exception {
		logIn(email, password);
		this.wait.until(ExpectedConditions.urlMatches(":" + this.port + path + "$"));
		assertText(By.id("space-title"), title);
		assertNoHorizontalScroll();
		screenshot("landing-" + email.substring(0, email.indexOf('@')));
		if (title.equals("Administration")) {
			open("/admin/audit");
			assertNoHorizontalScroll();
			screenshot("admin-audit");
		}
		this.browser.findElement(By.id("logout")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
	}

	private void logIn(String email, String password) {
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys(email);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.id("login-submit")).click();
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	/**
	 * The text of an element, read again if the page replaces the element while it is
	 * read (a form that reloads the page, a script that redraws a list).
	 */
	private String text(By locator) {
		// WebDriverException too: Chromium may say "node does not belong to the document"
		// rather than "stale element" when a script has just replaced it.
		return new WebDriverWait(this.browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
			.until((driver) -> {
				WebElement element = driver.findElement(locator);
				return element.isDisplayed() ? element.getText().trim() : null;
			});
	}

	/**
	 * Waits until an element shows the expected text (after a click that loads another
	 * page, the old page's element may still be read at first), then asserts it, so a
	 * failure says what the page showed.
	 */
	private void assertText(By locator, String expected) {
		try {
			new WebDriverWait(this.browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
				.until((driver) -> expected.equals(driver.findElement(locator).getText().trim()));
		}
		catch (TimeoutException ex) {
			// the assertion below says what the page shows instead
		}
		assertThat(text(locator)).isEqualTo(expected);
	}

	private void assertNoHorizontalScroll() {
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		Number viewport = (Number) script.executeScript("return window.innerWidth;");
		Number width = (Number) script.executeScript("return document.documentElement.scrollWidth;");
		Object tooWide = script.executeScript("const w = 375; return [...document.querySelectorAll('body *')]"
				+ ".filter((e) => e.getBoundingClientRect().right > w + 1).slice(0, 6)"
				+ ".map((e) => e.tagName + '.' + e.className + '#' + e.id).join(' ');");
		assertThat(viewport.intValue()).as("viewport width of %s (wider: %s)", this.browser.getCurrentUrl(), tooWide)
			.isEqualTo(375);
		assertThat(width.intValue()).as("page width on a 375 px screen").isLessThanOrEqualTo(375);
	}

	private void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}

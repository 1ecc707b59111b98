package com.focusracer.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium as the browser tests drive it: French, the browser console
 * kept (a page that breaks the CSP logs an error there), a 375 px phone with touch or a
 * desktop window. On CI a missing browser fails the build instead of skipping the tests.
 */
public final class Chromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** The phone's width: pages must fit it without horizontal scroll. */
	public static final int PHONE = 375;

	private Chromium() {
	}

	/**
	 * The errors the browser console shows since the last call (a script or style the CSP
	 * refused, a script error, a resource that failed).
	 * @param browser the browser
	 * @return their messages
	 */
	public static List<String> consoleErrors(WebDriver browser) {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * How wide the page is laid out: wider than the window means a horizontal scroll.
	 * @param browser the browser
	 * @return the document's scroll width, in CSS pixels
	 */
	public static int pageWidth(WebDriver browser) {
		return ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;"))
			.intValue();
	}

	/**
	 * A new browser.
	 * @param width {@link #PHONE} for a phone (touch, pixel ratio 2), else a desktop
	 * window that wide
	 * @return the driver; the caller quits it
	 */
	public static WebDriver start(int width) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver");
		}
		assumeTrue(installed, "Install chromium and chromium-driver to run the browser tests");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--lang=fr-FR");
		if (width == PHONE) {
			options.setExperimentalOption("mobileEmulation",
					Map.of("deviceMetrics", Map.of("width", PHONE, "height", 812, "pixelRatio", 2.0, "touch", true)));
		}
		else {
			options.addArguments("--window-size=" + width + ",900");
		}
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}

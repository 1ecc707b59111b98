package com.focusracer.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.shop.Orders;
import com.focusracer.shop.ShopTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin dashboard and a pro's statistics in a real (headless) Chromium, on a desktop
 * window and a 375 px phone: the server-drawn SVG charts are there and drawn (a
 * {@code <title>} on every bar), nothing breaks the strict CSP (no console error) and
 * nothing makes the page wider than the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StatisticsBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	@Test
	void chartsRenderWithoutConsoleErrorOrHorizontalScrollOnDesktopAndPhone() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver");
		}
		assumeTrue(installed, "Install chromium and chromium-driver to run the browser tests");
		TestAccount admin = this.accounts.anAccount(Role.ADMIN);
		TestAccount pro = this.accounts.aPro(ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(pro, "Statistiques navigateur");
		UUID photo = this.shop.publish(event, pro, ShopTestUtils.runners("21", 1)).keySet().iterator().next();
		Orders.Placed placed = this.orders.place(new Orders.Cart(event.slug(), List.of(photo),
				AccountsTestUtils.uniqueEmail("buyer"), null, false, null), null, Locale.FRENCH);
		this.orders.testPayment(placed.order(), true);
		for (int width : new int[] { 1280, 375 }) {
			WebDriver browser = browser(width);
			try {
				logIn(browser, admin);
				for (String period : List.of("7d", "30d", "12m")) {
					open(browser, "/admin?period=" + period);
					assertCharts(browser, 4);
					assertClean(browser, width);
				}
				logOut(browser);
				logIn(browser, pro);
				open(browser, "/pro/events/" + event.id() + "/stats");
				assertCharts(browser, 2);
				assertClean(browser, width);
				open(browser, "/pro/stats");
				assertThat(browser.findElement(By.id("overview")).getText()).contains(event.name());
				assertClean(browser, width);
				logOut(browser);
			}
			finally {
				browser.quit();
			}
		}
	}

	/** Every chart drawn (an SVG with a size), every bar with its hover text. */
	private void assertCharts(WebDriver browser, int atLeast) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> charts = (List<Map<String, Object>>) script
			.executeScript("return [...document.querySelectorAll('figure.chart svg')].map((svg) => ({"
					+ "id: svg.closest('figure').id, height: svg.getBoundingClientRect().height,"
					+ "bars: svg.querySelectorAll('rect.chart-bar').length,"
					+ "titled: svg.querySelectorAll('rect.chart-bar > title').length,"
					+ "empty: [...svg.querySelectorAll('rect.chart-bar > title')]"
					+ ".filter((t) => t.textContent.trim().length < 3).length}));");
		assertThat(charts).as("charts of %s", browser.getCurrentUrl()).hasSizeGreaterThanOrEqualTo(atLeast);
		for (Map<String, Object> chart : charts) {
			assertThat(((Number) chart.get("height")).doubleValue()).as("height of %s", chart.get("id")).isPositive();
			assertThat(((Number) chart.get("bars")).intValue()).as("bars of %s", chart.get("id")).isPositive();
			assertThat(chart.get("titled")).as("a title per bar of %s", chart.get("id")).isEqualTo(chart.get("bars"));
			assertThat(((Number) chart.get("empty")).intValue()).as("empty titles of %s", chart.get("id")).isZero();
		}
	}

	/** No console error (a CSP refusal is one) and nothing wider than the window. */
	private void assertClean(WebDriver browser, int width) {
		List<String> errors = new ArrayList<>();
		for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().contains("favicon")) {
				errors.add(entry.getMessage());
			}
		}
		assertThat(errors).as("console errors on %s", browser.getCurrentUrl()).isEmpty();
		JavascriptExecutor script = (JavascriptExecutor) browser;
		Number viewport = (Number) script.executeScript("return document.documentElement.clientWidth;");
		Number scrolled = (Number) script.executeScript("return document.documentElement.scrollWidth;");
		Object tooWide = script.executeScript(
				"const w = document.documentElement.clientWidth;" + " return [...document.querySelectorAll('body *')]"
						+ ".filter((e) => e.getBoundingClientRect().right > w + 1).slice(0, 6)"
						+ ".map((e) => e.tagName + '.' + e.className + '#' + e.id).join(' ');");
		assertThat(scrolled.intValue())
			.as("page width of %s at %d px (wider: %s)", browser.getCurrentUrl(), width, tooWide)
			.isLessThanOrEqualTo(viewport.intValue());
		if (width == 375) {
			assertThat(viewport.intValue()).isLessThanOrEqualTo(375);
		}
	}

	private WebDriver browser(int width) {
		return Chromium.start(width);
	}

	private void logIn(WebDriver browser, TestAccount account) {
		open(browser, "/login");
		browser.findElement(By.id("username")).sendKeys(account.email());
		browser.findElement(By.id("password")).sendKeys(account.password());
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private void logOut(WebDriver browser) {
		browser.findElement(By.id("logout")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
	}

	private void open(WebDriver browser, String path) {
		browser.get("http://localhost:" + this.port + path);
	}

}

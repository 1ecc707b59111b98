package com.focusracer.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Drops 2,000 small photos on the upload page of a running application (started with
 * {@code mvn spring-boot:run}) in headless Chromium, and reports how long until every row
 * says "published" and how slowly the page answered meanwhile. Run as documented in
 * {@code docs/benchmarks.md}.
 */
public final class UploadPageBench {

	private UploadPageBench() {
	}

	public static void main(String[] args) throws Exception {
		String base = (args.length > 0) ? args[0] : "http://localhost:8080";
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		HttpClient http = HttpClient.newHttpClient();
		String token = http
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"email\":\"photographe@test.com\",\"password\":\"photo123\"}"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body()
			.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		String event = http
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"name\":\"Upload bench\",\"date\":\"2026-12-01\",\"location\":\"Lyon\"}"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body()
			.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		Path folder = Files.createTempDirectory("upload-bench");
		for (int i = 0; i < count; i++) {
			BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			g.setColor(new Color((i * 7919 + System.nanoTime()) % 0xFFFFFF > 0 ? (int) ((i * 7919L) % 0xFFFFFF) : 1));
			g.fillRect(0, 0, 160, 120);
			g.setColor(Color.WHITE);
			g.drawString("IMG " + i + " " + System.nanoTime(), 10, 60);
			g.dispose();
			ImageIO.write(image, "jpeg", folder.resolve(String.format("IMG_%04d.JPG", i)).toFile());
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File("/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--window-size=1280,900");
		WebDriver browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
					.usingAnyFreePort()
					.build(),
				options);
		try {
			browser.get(base + "/login");
			browser.findElement(By.id("username")).sendKeys("photographe@test.com");
			browser.findElement(By.id("password")).sendKeys("photo123");
			browser.findElement(By.id("login-submit")).click();
			Thread.sleep(1500);
			browser.get(base + "/pro/events/" + event + "/upload");
			String paths;
			try (Stream<Path> files = Files.list(folder)) {
				paths = files.sorted().map(Path::toString).collect(Collectors.joining("\n"));
			}
			long start = System.currentTimeMillis();
			browser.findElement(By.id("files")).sendKeys(paths);
			JavascriptExecutor script = (JavascriptExecutor) browser;
			long slowest = 0;
			int published = 0;
			while (published < count && System.currentTimeMillis() - start < 600_000) {
				long t0 = System.nanoTime();
				published = ((Number) script
					.executeScript("return document.querySelectorAll('#upload-list li[data-state=published]').length"))
					.intValue();
				slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
				Thread.sleep(1000);
			}
			System.out.printf("%d files: %d published in %.1f s; slowest page answer to a script call %d ms%n", count,
					published, (System.currentTimeMillis() - start) / 1000.0, slowest);
		}
		finally {
			browser.quit();
		}
	}

}

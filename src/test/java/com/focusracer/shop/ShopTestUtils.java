package com.focusracer.shop;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;
import com.focusracer.photos.Photos;
import com.focusracer.photos.PhotosTestUtils;

import org.springframework.stereotype.Component;

/**
 * Events on sale with real photos published through the pipeline, and the checks made on
 * what buyers download.
 */
@Component
public class ShopTestUtils {

	private final EventManagement events;

	private final PhotosTestUtils photos;

	private final PriceLists prices;

	ShopTestUtils(EventManagement events, PhotosTestUtils photos, PriceLists prices) {
		this.events = events;
		this.photos = photos;
		this.prices = prices;
	}

	/**
	 * A public event priced 5 € a photo, 12 € the pack of 3, 20 € all my photos.
	 */
	public Event anEventOnSale(TestAccount owner, String name) {
		Event event = this.events.create(owner.id(),
				new EventDraft(name + " " + UUID.randomUUID().toString().substring(0, 6), LocalDate.now(), "Lyon",
						"running", null, Visibility.PUBLIC, false, null, null, null, null));
		this.prices.save(event.id(), owner.id(), owner.email(),
				new PriceLists.Form("5", List.of("3"), List.of("12"), "20", "3", "", false, false, 0));
		return event;
	}

	/**
	 * Publishes pictures and returns the uploaded bytes' SHA-256 by photo id.
	 */
	public Map<UUID, String> publish(Event event, TestAccount photographer, BufferedImage... images) throws Exception {
		List<UUID> ids = this.photos.publish(event.id(), photographer.id(), images);
		Map<UUID, String> hashes = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			hashes.put(ids.get(i), sha256(Photos.jpeg(images[i])));
		}
		return hashes;
	}

	public static BufferedImage[] runners(String bib, int count) {
		BufferedImage[] images = new BufferedImage[count];
		for (int i = 0; i < count; i++) {
			images[i] = Photos.aRunner(1200, 800, bib, new Color(40 * i % 255, 90, 160), 7 + i);
		}
		return images;
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The SHA-256 of each file in a ZIP, by name.
	 */
	public static Map<String, String> zipContents(byte[] zip) throws IOException {
		Map<String, String> contents = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				contents.put(entry.getName(), sha256(in.readAllBytes()));
			}
		}
		return contents;
	}

}

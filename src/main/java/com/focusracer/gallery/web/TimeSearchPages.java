package com.focusracer.gallery.web;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.gallery.Gallery;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotosByTime;
import com.focusracer.shared.Bib;
import com.focusracer.timing.SpotPassage;
import com.focusracer.timing.TimingProperties;
import com.focusracer.timing.TimingSync;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Search by time: a runner whose bib is hidden on their photos browses, from their bib's
 * timing, the photos each photographer took around their passage at their spot ("photos
 * near km 21 around 10:42"), earlier or later a few minutes at a time.
 */
@Controller
public class TimeSearchPages {

	/** How far a runner may step away from their passage, minutes. */
	static final int MAXIMUM_SHIFT = 30;

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

	private final Gallery gallery;

	private final TimingSync timing;

	private final PhotosByTime photos;

	private final TimingProperties properties;

	TimeSearchPages(Gallery gallery, TimingSync timing, PhotosByTime photos, TimingProperties properties) {
		this.gallery = gallery;
		this.timing = timing;
		this.photos = photos;
		this.properties = properties;
	}

	/**
	 * The photos of one spot around the runner's passage.
	 *
	 * @param distanceKm the spot's distance
	 * @param around the passage (shifted), {@code HH:mm}
	 * @param photos the photos
	 */
	public record NearSpot(double distanceKm, String around, List<Photo> photos) {
	}

	@GetMapping("/events/{slug}/near")
	ModelAndView near(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String slug,
			@RequestParam(defaultValue = "") String bib, @RequestParam(defaultValue = "0") int shift) {
		Event event = this.gallery.event(slug, (principal != null) ? principal.id() : null)
			.orElseThrow(EventNotFoundException::new);
		int minutes = Math.max(-MAXIMUM_SHIFT, Math.min(MAXIMUM_SHIFT, shift));
		String wanted = Bib.normalise(bib);
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("bib", wanted);
		model.put("shift", minutes);
		List<NearSpot> spots = new ArrayList<>();
		boolean known = !wanted.isEmpty() && this.gallery.isBibOf(event, wanted);
		if (known) {
			ZoneId zone = ZoneId.of(this.properties.zone());
			for (SpotPassage passage : this.timing.passagesOf(event.id(), wanted, Duration.ofMinutes(minutes))) {
				spots.add(new NearSpot(passage.spot().distanceKm(), HOUR.format(passage.passage().atZone(zone)),
						this.photos.published(event.id(), passage.spot().photographerId(), passage.cameraFrom(),
								passage.cameraTo())));
			}
		}
		model.put("searched", !wanted.isEmpty());
		model.put("known", known);
		model.put("spots", spots);
		return new ModelAndView("gallery/near", model);
	}

}

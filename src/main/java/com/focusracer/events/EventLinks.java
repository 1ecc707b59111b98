package com.focusracer.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.focusracer.shared.Bib;
import com.focusracer.shared.SiteUrl;

import org.springframework.stereotype.Component;

/**
 * The public addresses of an event that leave the site on paper and in posts: its
 * gallery, and a runner's "my photos" by bib. They name a bib at most, never a person.
 */
@Component
public class EventLinks {

	private final SiteUrl site;

	EventLinks(SiteUrl site) {
		this.site = site;
	}

	/**
	 * The event's gallery.
	 * @param event the event
	 * @return e.g. {@code https://focusracer.com/events/trail-2026}
	 */
	public String gallery(Event event) {
		return this.site.root() + "/events/" + event.slug();
	}

	/**
	 * A runner's photos.
	 * @param event the event
	 * @param bib the bib (checked and normalised)
	 * @return e.g. {@code https://focusracer.com/events/trail-2026?bib=123}
	 * @throws IllegalArgumentException when the bib is not a bib
	 */
	public String runner(Event event, String bib) {
		Bib clean = Bib.parse(bib).orElseThrow(() -> new IllegalArgumentException("Not a bib"));
		return gallery(event) + "?bib=" + URLEncoder.encode(clean.value(), StandardCharsets.UTF_8);
	}

}

package com.focusracer.gallery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;

import org.springframework.stereotype.Service;

/**
 * The public events a visitor finds from the home page, the public API and the search
 * engines' sitemap.
 */
@Service
public class EventSearch {

	private final EventManagement events;

	EventSearch(EventManagement events) {
		this.events = events;
	}

	/**
	 * The public events matching a search (name, place or date, any order, accents
	 * ignored): upcoming ones first, soonest first, then past ones, latest first.
	 * @param query the search, may be blank
	 * @param today today
	 * @return the events
	 */
	public List<Event> listed(String query, java.time.LocalDate today) {
		String[] words = words(query);
		List<Event> upcoming = new ArrayList<>();
		List<Event> past = new ArrayList<>();
		for (Event event : this.events.listed()) {
			String haystack = String
				.join(" ", List.of(plain(event.name()), plain(event.location()), event.date().toString(),
						plain(event.date().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.FRENCH)),
						plain(event.date().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)),
						Integer.toString(event.date().getDayOfMonth())));
			boolean matches = true;
			for (String word : words) {
				matches &= haystack.contains(word);
			}
			if (matches) {
				(event.date().isBefore(today) ? past : upcoming).add(event);
			}
		}
		upcoming.sort(Comparator.comparing(Event::date));
		List<Event> all = new ArrayList<>(upcoming);
		all.addAll(past);
		return all;
	}

	private static String[] words(String query) {
		if (query == null || query.isBlank()) {
			return new String[0];
		}
		return java.util.Arrays.stream(plain(query).split("[^\\p{L}\\p{N}-]+"))
			.filter((w) -> !w.isEmpty())
			.toArray(String[]::new);
	}

	private static String plain(String text) {
		return (text == null) ? ""
				: java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
					.replaceAll("\\p{M}", "")
					.toLowerCase(Locale.ROOT);
	}

}

package com.focusracer.gallery.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.focusracer.events.Runner;
import com.focusracer.events.StartLists;

import org.springframework.stereotype.Component;

/**
 * Finds runners of an event's start list by name, the way a person types it: case and
 * accents ignored, parts of names ("dup"), several words in any order ("Dupont J", "jean
 * dupont"). Each event's list is read at most every 30 seconds.
 */
@Component
public class RunnerDirectory {

	private static final Duration FRESH = Duration.ofSeconds(30);

	/** Most runners a search returns: a search this broad needs more letters. */
	public static final int LIMIT = 50;

	private final StartLists startLists;

	private final Clock clock;

	private final Map<UUID, Entries> cache = new ConcurrentHashMap<>();

	RunnerDirectory(StartLists startLists, Clock clock) {
		this.startLists = startLists;
		this.clock = clock;
	}

	private record Entry(Runner runner, String[] firstTokens, String[] lastTokens) {
	}

	private record Entries(List<Entry> entries, Map<String, Runner> byBib, Instant at) {
	}

	/**
	 * The runners whose names hold every word of the query, as a word start; those whose
	 * last name is a typed word first, then by last and first name.
	 * @param eventId the event
	 * @param query what the person typed
	 * @return at most {@link #LIMIT} runners
	 */
	public List<Runner> search(UUID eventId, String query) {
		String[] words = tokens(query);
		if (words.length == 0) {
			return List.of();
		}
		List<Entry> found = new ArrayList<>();
		for (Entry entry : entries(eventId).entries()) {
			if (Arrays.stream(words)
				.allMatch((word) -> startsAny(entry.lastTokens(), word) || startsAny(entry.firstTokens(), word))) {
				found.add(entry);
			}
		}
		found
			.sort(Comparator.comparing((Entry e) -> !Arrays.stream(words).anyMatch((w) -> equalsAny(e.lastTokens(), w)))
				.thenComparing((Entry e) -> String.join(" ", e.lastTokens()))
				.thenComparing((Entry e) -> String.join(" ", e.firstTokens()))
				.thenComparing((Entry e) -> e.runner().bib()));
		return found.stream().limit(LIMIT).map(Entry::runner).toList();
	}

	/**
	 * A runner of the start list by bib.
	 * @param eventId the event
	 * @param bib the bib
	 * @return the runner, or null when the bib is not on the list
	 */
	public Runner byBib(UUID eventId, String bib) {
		return entries(eventId).byBib().get(bib);
	}

	private Entries entries(UUID eventId) {
		Instant now = this.clock.instant();
		Entries entries = this.cache.get(eventId);
		if (entries == null || entries.at().plus(FRESH).isBefore(now)) {
			List<Entry> list = new ArrayList<>();
			Map<String, Runner> byBib = new java.util.HashMap<>();
			for (Runner runner : this.startLists.runnersOf(eventId)) {
				list.add(new Entry(runner, tokens(runner.firstName()), tokens(runner.lastName())));
				byBib.put(runner.bib(), runner);
			}
			entries = new Entries(List.copyOf(list), byBib, now);
			this.cache.put(eventId, entries);
		}
		return entries;
	}

	private static boolean startsAny(String[] tokens, String word) {
		for (String token : tokens) {
			if (token.startsWith(word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean equalsAny(String[] tokens, String word) {
		for (String token : tokens) {
			if (token.equals(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Lower-case words without accents: "Jean-Pierre D'Ávila" gives jean, pierre, d,
	 * avila.
	 * @param text the text, may be null
	 * @return the words
	 */
	static String[] tokens(String text) {
		if (text == null) {
			return new String[0];
		}
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("Æ", "ae")
			.replace("Œ", "oe")
			.replace("ø", "o")
			.replace("Ø", "o")
			.toLowerCase(Locale.ROOT);
		return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter((w) -> !w.isEmpty()).toArray(String[]::new);
	}

}

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

	private final java.util.Set<UUID> loading = ConcurrentHashMap.newKeySet();

	RunnerDirectory(StartLists startLists, Clock clock) {
		this.startLists = startLists;
		this.clock = clock;
	}

	private record Entry(Runner runner, String[] firstTokens, String[] lastTokens, String sortKey) {
	}

	/**
	 * An event's runners, with every word of their names sorted so that the runners whose
	 * names hold a word starting with some letters are found by binary search.
	 */
	private record Entries(List<Entry> entries, Map<String, Runner> byBib, Instant at, String[] words, int[] owners) {

		static Entries of(List<Entry> entries, Map<String, Runner> byBib, Instant at) {
			List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
			for (int i = 0; i < entries.size(); i++) {
				for (String token : entries.get(i).firstTokens()) {
					pairs.add(Map.entry(token, i));
				}
				for (String token : entries.get(i).lastTokens()) {
					pairs.add(Map.entry(token, i));
				}
			}
			pairs.sort(Map.Entry.comparingByKey());
			String[] words = new String[pairs.size()];
			int[] owners = new int[pairs.size()];
			for (int i = 0; i < pairs.size(); i++) {
				words[i] = pairs.get(i).getKey();
				owners[i] = pairs.get(i).getValue();
			}
			return new Entries(entries, byBib, at, words, owners);
		}

		/** The runners with a name word starting with the given letters. */
		java.util.BitSet startingWith(String prefix) {
			java.util.BitSet found = new java.util.BitSet(this.entries.size());
			int at = java.util.Arrays.binarySearch(this.words, prefix);
			at = (at < 0) ? -at - 1 : at;
			while (at < this.words.length && this.words[at].startsWith(prefix)) {
				found.set(this.owners[at]);
				at++;
			}
			return found;
		}

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
		Entries all = entries(eventId);
		java.util.BitSet matching = all.startingWith(words[0]);
		for (int i = 1; i < words.length && !matching.isEmpty(); i++) {
			matching.and(all.startingWith(words[i]));
		}
		List<Entry> exact = new ArrayList<>();
		List<Entry> partial = new ArrayList<>();
		for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
			Entry entry = all.entries().get(i);
			(lastNameTyped(entry, words) ? exact : partial).add(entry);
		}
		Comparator<Entry> byName = Comparator.comparing(Entry::sortKey);
		exact.sort(byName);
		partial.sort(byName);
		exact.addAll(partial);
		List<Runner> runners = new ArrayList<>(Math.min(LIMIT, exact.size()));
		for (int i = 0; i < exact.size() && i < LIMIT; i++) {
			runners.add(exact.get(i).runner());
		}
		return runners;
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

	/**
	 * Whether the event has a start list.
	 * @param eventId the event
	 * @return true when it lists at least one runner
	 */
	public boolean hasRunners(UUID eventId) {
		return !entries(eventId).byBib().isEmpty();
	}

	private Entries entries(UUID eventId) {
		Instant now = this.clock.instant();
		Entries entries = this.cache.get(eventId);
		if (entries == null) {
			synchronized (this.loading) {
				entries = this.cache.get(eventId);
				if (entries == null) {
					entries = load(eventId, now);
					this.cache.put(eventId, entries);
				}
			}
		}
		else if (entries.at().plus(FRESH).isBefore(now) && this.loading.add(eventId)) {
			// One request reads the list again; the others go on with the one they have
			// (all of them reloading at once stalled the search for a second).
			try {
				entries = load(eventId, now);
				this.cache.put(eventId, entries);
			}
			finally {
				this.loading.remove(eventId);
			}
		}
		return entries;
	}

	private Entries load(UUID eventId, Instant now) {
		List<Entry> list = new ArrayList<>();
		Map<String, Runner> byBib = new java.util.HashMap<>();
		for (Runner runner : this.startLists.runnersOf(eventId)) {
			String[] first = tokens(runner.firstName());
			String[] last = tokens(runner.lastName());
			list.add(new Entry(runner, first, last,
					String.join(" ", last) + "\u0000" + String.join(" ", first) + "\u0000" + runner.bib()));
			byBib.put(runner.bib(), runner);
		}
		return Entries.of(List.copyOf(list), byBib, now);
	}

	private static boolean lastNameTyped(Entry entry, String[] words) {
		for (String word : words) {
			if (equalsAny(entry.lastTokens(), word)) {
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

package com.focusracer.recognition;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.events.Runner;

/**
 * What the team watches on race day: the figures, the start-list runners nobody has
 * photographed yet, and the published photos linked to nobody.
 *
 * @param coverage the figures
 * @param missingByCategory runners with no photo yet (without private fields), by
 * category then start wave (an empty key for runners without one), categories, waves and
 * bibs sorted
 * @param orphans the latest published photos linked to nobody, at most
 * {@link #ORPHANS_SHOWN}
 */
public record CoverageBoard(Coverage coverage, Map<String, Map<String, List<Runner>>> missingByCategory,
		List<UUID> orphans) {

	/** How many orphans the board shows; the triage page lists them all. */
	public static final int ORPHANS_SHOWN = 48;

	/**
	 * How many runners have no photo yet.
	 * @return the count
	 */
	public long missing() {
		return this.missingByCategory.values()
			.stream()
			.flatMap((waves) -> waves.values().stream())
			.mapToLong(List::size)
			.sum();
	}

	/**
	 * How many runners of a category have no photo yet.
	 * @param category the category
	 * @return the count
	 */
	public long missing(String category) {
		return this.missingByCategory.getOrDefault(category, Map.of()).values().stream().mapToLong(List::size).sum();
	}

}

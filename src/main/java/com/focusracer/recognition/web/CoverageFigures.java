package com.focusracer.recognition.web;

import java.util.Map;

import com.focusracer.recognition.Coverage;

/**
 * The coverage figures as the pages' scripts read them (shares in percent, one decimal).
 */
final class CoverageFigures {

	private CoverageFigures() {
	}

	static Map<String, Object> of(Coverage c) {
		return Map.of("publishedPhotos", c.publishedPhotos(), "linkedPhotos", c.linkedPhotos(), "orphans", c.orphans(),
				"runners", c.runners(), "runnersWithPhotos", c.runnersWithPhotos(), "photoShare",
				Math.round(c.photoShare() * 1000) / 10.0, "runnerShare", Math.round(c.runnerShare() * 1000) / 10.0);
	}

}

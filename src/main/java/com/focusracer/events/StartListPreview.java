package com.focusracer.events;

import java.util.List;

/**
 * What importing a start-list file would do.
 *
 * @param runners the valid runners read from the file
 * @param problems the lines that cannot be imported
 * @param fileProblem a problem with the whole file (no bib column, empty file), or
 * {@code null}
 * @param added runners not on the current list
 * @param removed runners on the current list but not in the file
 * @param changed runners whose details change
 * @param separator the separator found
 * @param encoding the character encoding found
 */
public record StartListPreview(List<Runner> runners, List<StartListProblem> problems, String fileProblem,
		List<Runner> added, List<Runner> removed, List<Runner> changed, char separator, String encoding) {

	public boolean hasProblems() {
		return this.fileProblem != null || !this.problems.isEmpty();
	}

}

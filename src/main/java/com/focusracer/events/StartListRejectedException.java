package com.focusracer.events;

import java.util.List;

/**
 * A start-list file was not imported because some lines (or the whole file) are bad;
 * nothing changed.
 */
public class StartListRejectedException extends RuntimeException {

	private final transient StartListPreview preview;

	public StartListRejectedException(StartListPreview preview) {
		super("Start list rejected");
		this.preview = preview;
	}

	public StartListPreview preview() {
		return this.preview;
	}

	public List<StartListProblem> problems() {
		return this.preview.problems();
	}

}

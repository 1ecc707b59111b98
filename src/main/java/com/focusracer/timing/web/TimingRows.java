package com.focusracer.timing.web;

/**
 * The timing page's rows, as its template shows them (times already in the event's zone).
 */
public final class TimingRows {

	private TimingRows() {
	}

	/** A spot. */
	public record SpotRow(String id, String photographer, double distanceKm, String from, String to, boolean mine) {
	}

	/** A camera's offset. */
	public record OffsetRow(String photographerId, String photographer, String camera, String serial, String estimate,
			String drift, int anchors, int dropped, String override, boolean mayChange) {
	}

	/** An anchor of an offset. */
	public record AnchorRow(String photoId, String camera, String bib, String takenAt, String passageAt,
			String residual, boolean outlier) {
	}

}

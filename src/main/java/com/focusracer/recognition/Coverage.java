package com.focusracer.recognition;

/**
 * How well an event's photos are linked to its runners.
 *
 * @param publishedPhotos published photos
 * @param linkedPhotos published photos linked to at least one runner
 * @param orphans published photos linked to nobody
 * @param runners runners on the start list
 * @param runnersWithPhotos start-list runners with at least one photo
 */
public record Coverage(long publishedPhotos, long linkedPhotos, long orphans, long runners, long runnersWithPhotos) {

	public double photoShare() {
		return (this.publishedPhotos > 0) ? (double) this.linkedPhotos / this.publishedPhotos : 0;
	}

	public double runnerShare() {
		return (this.runners > 0) ? (double) this.runnersWithPhotos / this.runners : 0;
	}

}

package com.focusracer.timing;

import java.time.Instant;
import java.util.UUID;

/**
 * A camera's clock offset (camera time − real time): estimated from anchors, or set by
 * the photographer.
 *
 * @param photographerId the photographer
 * @param cameraSerial the camera ({@code ""}: all of the photographer's cameras)
 * @param estimatedSeconds the estimate, or {@code null} with too few anchors
 * @param driftPerHour how much the estimate grows per hour (Theil–Sen), 0 without drift
 * @param referenceAt the camera time the estimate is given at
 * @param anchors the anchors it rests on
 * @param dropped the outliers left out
 * @param overrideSeconds the offset the photographer set, or {@code null}
 * @param estimatedAt when it was estimated
 */
public record ClockOffset(UUID photographerId, String cameraSerial, Double estimatedSeconds, double driftPerHour,
		Instant referenceAt, int anchors, int dropped, Double overrideSeconds, Instant estimatedAt) {

	/**
	 * Whether an offset is known.
	 * @return true when estimated or set
	 */
	public boolean known() {
		return this.overrideSeconds != null || this.estimatedSeconds != null;
	}

	/**
	 * The offset at a camera time: the photographer's when set, else the estimate.
	 * @param cameraTime the camera time
	 * @return seconds to subtract from the camera time
	 */
	public double secondsAt(Instant cameraTime) {
		if (this.overrideSeconds != null) {
			return this.overrideSeconds;
		}
		if (this.estimatedSeconds == null) {
			return 0;
		}
		double hours = (this.referenceAt != null)
				? (cameraTime.toEpochMilli() - this.referenceAt.toEpochMilli()) / 3_600_000.0 : 0;
		return this.estimatedSeconds + this.driftPerHour * hours;
	}

	/**
	 * The real time of a camera time.
	 * @param cameraTime the camera time
	 * @return the corrected time
	 */
	public Instant correct(Instant cameraTime) {
		return cameraTime.minusMillis(Math.round(secondsAt(cameraTime) * 1000));
	}

}

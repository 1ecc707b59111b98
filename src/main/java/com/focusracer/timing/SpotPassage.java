package com.focusracer.timing;

import java.time.Instant;

/**
 * A runner's estimated passage at a photographer's spot, and the stretch of that
 * photographer's camera time around it.
 *
 * @param spot the spot
 * @param passage the runner's estimated passage (real time)
 * @param cameraFrom the start of the stretch, in the camera's time
 * @param cameraTo its end, in the camera's time
 */
public record SpotPassage(Spot spot, Instant passage, Instant cameraFrom, Instant cameraTo) {
}

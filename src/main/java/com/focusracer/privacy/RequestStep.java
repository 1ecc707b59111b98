package com.focusracer.privacy;

import java.time.Instant;

/**
 * What was done for a request in one part of the system.
 *
 * @param position its order
 * @param part the module that did it, e.g. {@code shop}
 * @param action what it did, e.g. {@code orders anonymised}
 * @param rows how many rows it changed
 * @param detail more about it
 * @param doneAt when
 */
public record RequestStep(int position, String part, String action, long rows, String detail, Instant doneAt) {

}

/**
 * Timing data: timing points and chip passings, where each photographer stood, camera
 * clock offsets, and the runners a photo may show from their passage time.
 */
package com.focusracer.timing;

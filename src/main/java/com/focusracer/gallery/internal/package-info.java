/**
 * The gallery's inner parts: the runner name index and the selfie rate limit.
 */
package com.focusracer.gallery.internal;

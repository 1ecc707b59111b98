/**
 * Photo storage, image checks and processing, and the pipeline's jobs.
 */
package com.focusracer.photos.internal;

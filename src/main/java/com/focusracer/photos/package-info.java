/**
 * Uploads, durable storage, derivatives and watermarks, the pipeline jobs and live
 * progress.
 */
package com.focusracer.photos;

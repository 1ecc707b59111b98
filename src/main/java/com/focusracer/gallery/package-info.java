/**
 * Public event pages and search (by bib, name or selfie), favourites and notifications to
 * runners.
 */
package com.focusracer.gallery;

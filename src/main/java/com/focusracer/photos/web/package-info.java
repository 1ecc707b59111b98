/**
 * Upload endpoints, triage pages and image delivery to the event's team.
 */
package com.focusracer.photos.web;

/**
 * Checks on uploaded images that every module taking images shares: what a file's header
 * claims, read before any pixel is decoded.
 */
package com.focusracer.shared.images;

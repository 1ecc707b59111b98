/**
 * Public pages.
 */
package com.focusracer.gallery.web;

/**
 * Recognition's pages and API: manual bib corrections, re-processing, coverage.
 */
package com.focusracer.recognition.web;

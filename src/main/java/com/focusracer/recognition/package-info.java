/**
 * Bib reading, faces, quality, linking photos to runners, and the evaluation tool.
 */
package com.focusracer.recognition;

/**
 * The timing pages of the pro space and the spots API.
 */
package com.focusracer.timing.web;

/**
 * Event storage and start-list file reading.
 */
package com.focusracer.events.internal;

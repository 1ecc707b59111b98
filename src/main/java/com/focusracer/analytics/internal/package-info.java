/**
 * The daily counters and the listeners that feed them.
 */
package com.focusracer.analytics.internal;

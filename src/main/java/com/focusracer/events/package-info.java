/**
 * Events, their teams and branding, and start lists.
 */
package com.focusracer.events;

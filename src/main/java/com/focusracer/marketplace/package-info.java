/**
 * The marketplace between organizers and photographers: listings of positions for an
 * event, applications, photographer profiles, and reviews both ways after the event.
 */
package com.focusracer.marketplace;

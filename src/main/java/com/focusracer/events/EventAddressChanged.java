package com.focusracer.events;

import java.util.UUID;

/**
 * An event got a new public address (it became unlisted): the old one leads nowhere any
 * more.
 *
 * @param eventId the event
 * @param oldSlug the address it had
 * @param newSlug the address it has
 */
public record EventAddressChanged(UUID eventId, String oldSlug, String newSlug) {

}

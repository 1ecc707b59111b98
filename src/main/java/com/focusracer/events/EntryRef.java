package com.focusracer.events;

import java.util.UUID;

/**
 * Where a person is on a start list.
 *
 * @param eventId the event
 * @param bib their bib there
 */
public record EntryRef(UUID eventId, String bib) {

}

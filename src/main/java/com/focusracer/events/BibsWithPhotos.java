package com.focusracer.events;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which bibs already have photos linked to them (implemented by recognition, which
 * depends on events): a start-list re-sync keeps those runners until the organizer
 * confirms their removal.
 */
public interface BibsWithPhotos {

	/**
	 * The bibs among some that have at least one photo linked.
	 * @param eventId the event
	 * @param bibs the bibs to check
	 * @return those with photos
	 */
	Set<String> among(UUID eventId, Collection<String> bibs);

}

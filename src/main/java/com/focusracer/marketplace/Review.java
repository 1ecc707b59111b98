package com.focusracer.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One side's review of the other after an event they worked on together.
 *
 * @param id the id
 * @param applicationId the accepted application it is about
 * @param authorId who wrote it
 * @param authorName their name as shown
 * @param subjectId who it is about
 * @param authorSide ORGANIZER or PHOTOGRAPHER
 * @param stars 1 to 5
 * @param body the text
 * @param eventDate the day of the event
 * @param writtenAt when it was written
 * @param published whether it is shown (both sides reviewed, or the window closed)
 * @param hiddenReason why the platform's admins hid it, or null
 */
public record Review(UUID id, UUID applicationId, UUID authorId, String authorName, UUID subjectId, String authorSide,
		int stars, String body, LocalDate eventDate, Instant writtenAt, boolean published, String hiddenReason) {

}

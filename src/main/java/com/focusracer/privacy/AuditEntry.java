package com.focusracer.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log: who did what to which target, and when.
 *
 * @param id the id
 * @param at when it happened
 * @param actorId the account that acted, {@code null} for the system
 * @param actorEmail that account's e-mail at the time
 * @param action what was done, e.g. {@code ACCOUNT_DISABLED}
 * @param targetType the kind of thing acted on, e.g. {@code ACCOUNT}
 * @param targetId the id of the thing acted on
 * @param eventId the event the action belongs to, or {@code null}
 * @param detail a human-readable detail
 */
public record AuditEntry(long id, Instant at, UUID actorId, String actorEmail, String action, String targetType,
		String targetId, UUID eventId, String detail) {

}

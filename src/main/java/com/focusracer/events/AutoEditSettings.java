package com.focusracer.events;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's automatic edit: when its organizer turns it on, the photos' web versions and
 * previews are corrected (exposure, white balance, a mild sharpen) as they are derived,
 * and buyers may download either the photo as shot or enhanced. The original file is
 * never changed. Photos derived before the change keep the versions they have
 * (re-processing does not derive them again).
 */
@Service
@Transactional
public class AutoEditSettings {

	private final JdbcClient jdbc;

	private final EventManagement events;

	AutoEditSettings(JdbcClient jdbc, EventManagement events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Whether an event has the automatic edit on.
	 * @param eventId the event
	 * @return true when on; false for an unknown event
	 */
	@Transactional(readOnly = true)
	public boolean enabled(UUID eventId) {
		return this.jdbc.sql("select auto_edit from event where id = :id")
			.param("id", eventId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Turns the automatic edit on or off, for the event's owner only.
	 * @param eventId the event
	 * @param accountId who asks
	 * @param on whether it is on
	 * @throws EventNotFoundException when the caller does not own the event
	 */
	public void set(UUID eventId, UUID accountId, boolean on) {
		Event event = this.events.owned(eventId, accountId);
		if (event.archived()) {
			throw new EventNotFoundException();
		}
		if (enabled(eventId) == on) {
			return;
		}
		this.jdbc.sql("update event set auto_edit = :on where id = :id").param("on", on).param("id", eventId).update();
		this.events.audit(accountId, on ? "event.autoEdit.on" : "event.autoEdit.off", eventId, event.name());
	}

}

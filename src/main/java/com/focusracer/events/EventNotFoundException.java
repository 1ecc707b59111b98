package com.focusracer.events;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The event does not exist or belongs to another account: both answer 404, so ids leak
 * nothing.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EventNotFoundException extends RuntimeException {

	public EventNotFoundException() {
		super("No such event");
	}

}

package com.focusracer.privacy;

import java.util.Set;
import java.util.UUID;

/**
 * What one erasure asks of each module.
 *
 * @param person whose data
 * @param reference the request's reference, for the notices sent to organizers and
 * photographers
 * @param photosToWithdraw the photos the person asked to be withdrawn
 * @param scope how much of the person's data
 */
public record Erasure(Person person, String reference, Set<UUID> photosToWithdraw, Scope scope) {

	/**
	 * Whether everything of the person goes (an erasure request, an account deleted).
	 * @return true for {@link Scope#EVERYTHING}
	 */
	public boolean everything() {
		return this.scope == Scope.EVERYTHING;
	}

	/**
	 * How much of the person's data an erasure takes.
	 */
	public enum Scope {

		/** Everything (an erasure request, an account deleted). */
		EVERYTHING,
		/** Only the photos named are withdrawn (a photo-withdrawal request). */
		PHOTOS,
		/** Only the face templates (an objection to face recognition). */
		FACES

	}

}

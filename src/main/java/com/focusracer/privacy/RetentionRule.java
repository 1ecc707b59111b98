package com.focusracer.privacy;

/**
 * One retention rule: data kept for a period and deleted after it. Each module declares
 * its own; {@link RetentionSweep} applies all of them once a day and records the counts.
 */
public interface RetentionRule {

	/**
	 * The rule's name in the audit line, e.g. {@code faces}.
	 * @return the name
	 */
	String name();

	/**
	 * Deletes what is past its period; running it twice deletes nothing more.
	 * @return how many things were deleted
	 * @throws Exception when it cannot be applied (the sweep records it and goes on)
	 */
	long apply() throws Exception;

}

package com.focusracer.accounts;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A runner's latest orders, for their account home. Declared here and implemented by the
 * shop, which depends on accounts (accounts cannot call it).
 */
public interface RunnerOrders {

	/**
	 * The runner's latest orders, newest first.
	 * @param accountId the runner
	 * @param email the runner's confirmed address (orders placed with it count)
	 * @param limit how many at most
	 * @param locale the reader's language
	 * @return the orders, as shown
	 */
	List<Line> latest(UUID accountId, String email, int limit, Locale locale);

	/**
	 * One order, as shown.
	 *
	 * @param number its short number
	 * @param event the event's name
	 * @param amount the amount, formatted
	 * @param statusKey the message key of its status
	 * @param url its page
	 */
	record Line(String number, String event, String amount, String statusKey, String url) {
	}

}

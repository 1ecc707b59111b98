package com.focusracer.marketplace.web;

import com.focusracer.marketplace.Application;
import com.focusracer.marketplace.Listing;

/**
 * One of the photographer's applications as listed.
 *
 * @param application the application
 * @param listing its listing
 * @param position the position's role
 * @param mayWithdraw whether they may still withdraw
 * @param mayReview whether they may review the organizer now
 * @param reviewed whether they reviewed already
 */
public record SentApplication(Application application, Listing listing, String position, boolean mayWithdraw,
		boolean mayReview, boolean reviewed) {

}

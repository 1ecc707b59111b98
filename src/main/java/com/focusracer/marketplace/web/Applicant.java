package com.focusracer.marketplace.web;

import java.util.UUID;

import com.focusracer.marketplace.Application;

/**
 * An applicant as the organizer sees them.
 *
 * @param application the application
 * @param name the photographer's name
 * @param profileSlug their profile's address, or null without a profile
 * @param rating their average rating, or null
 * @param reviews how many reviews are shown about them
 * @param position the position's role
 * @param mayReview whether the organizer may review them now
 */
public record Applicant(Application application, String name, String profileSlug, Double rating, int reviews,
		String position, boolean mayReview) {

}

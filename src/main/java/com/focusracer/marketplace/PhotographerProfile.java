package com.focusracer.marketplace;

import java.time.Instant;
import java.util.UUID;

/**
 * A photographer's public profile on the marketplace.
 *
 * @param accountId the photographer's account
 * @param slug its readable address under {@code /photographers/}
 * @param name their name or studio
 * @param region where they are based
 * @param travelKm how far they travel, or null
 * @param sports the sports they cover
 * @param gear their gear
 * @param languages the languages they speak
 * @param bio a few words, or null
 * @param seekingWork whether they look for work now
 * @param updatedAt when it last changed
 */
public record PhotographerProfile(UUID accountId, String slug, String name, String region, Integer travelKm,
		String sports, String gear, String languages, String bio, boolean seekingWork, Instant updatedAt) {

}

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
 * @param photosOnly true when only those photos are to be withdrawn (a photo-withdrawal
 * request): nothing else of the person is touched
 */
public record Erasure(Person person, String reference, Set<UUID> photosToWithdraw, boolean photosOnly) {

}

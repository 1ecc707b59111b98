package com.focusracer.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token as listed in the pro space: never the token itself, which is shown
 * once.
 *
 * @param id the id
 * @param name what its owner called it
 * @param prefix the first characters, to recognise it
 * @param createdAt when it was created
 * @param lastUsedAt when it was last used, or {@code null}
 */
public record ApiTokenInfo(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {

}

package com.focusracer.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A freshly created API token; the only time its secret value is available.
 *
 * @param id the id
 * @param token the secret to send as {@code Authorization: Bearer …}
 * @param expiresAt when it stops working, {@code null} for personal tokens
 */
public record IssuedToken(UUID id, String token, Instant expiresAt) {

}

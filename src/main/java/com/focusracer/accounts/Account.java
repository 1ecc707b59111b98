package com.focusracer.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as other modules and pages see it (never its password hash).
 *
 * @param id the id
 * @param email the login e-mail, lower case
 * @param displayName the name shown to others
 * @param role the role
 * @param profile for a {@link Role#PRO} account, what kind of professional it is; else
 * {@code null}
 * @param enabled whether it may log in
 * @param emailVerified whether its owner confirmed the e-mail
 * @param locale the preferred language, {@code fr} or {@code en}
 * @param createdAt when it was created
 */
public record Account(UUID id, String email, String displayName, Role role, ProProfile profile, boolean enabled,
		boolean emailVerified, String locale, Instant createdAt) {

}

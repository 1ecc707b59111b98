/**
 * Rate limits every node enforces alike: named token-bucket policies kept in PostgreSQL,
 * and the cap on open Server-Sent Events streams per client address.
 */
package com.focusracer.shared.ratelimit;

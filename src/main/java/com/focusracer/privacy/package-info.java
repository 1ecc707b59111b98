/**
 * Consent, personal-data requests, retention and the audit log.
 */
package com.focusracer.privacy;

/**
 * Outgoing e-mail: every message is stored in an outbox, then sent over SMTP when a
 * server is configured.
 */
package com.focusracer.mail;

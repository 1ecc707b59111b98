/**
 * Outbox storage and the SMTP sender.
 */
package com.focusracer.mail.internal;

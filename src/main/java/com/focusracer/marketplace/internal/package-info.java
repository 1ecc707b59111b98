/**
 * The marketplace's tables and e-mails.
 */
package com.focusracer.marketplace.internal;

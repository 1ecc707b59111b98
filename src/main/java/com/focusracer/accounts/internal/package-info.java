/**
 * Account storage, password rules, login throttling and the security set-up.
 */
package com.focusracer.accounts.internal;

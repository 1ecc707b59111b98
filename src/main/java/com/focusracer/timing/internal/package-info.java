/**
 * The timing tables and the timing files' readers.
 */
package com.focusracer.timing.internal;

/**
 * The privacy module's storage: the request register and the erasure steps.
 */
package com.focusracer.privacy.internal;

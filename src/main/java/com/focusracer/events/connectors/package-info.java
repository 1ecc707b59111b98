/**
 * Registration platforms' APIs (Njuko, RaceResult, RunSignup), credentials encryption and
 * the scheduled re-sync.
 */
package com.focusracer.events.connectors;

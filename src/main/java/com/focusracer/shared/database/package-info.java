/**
 * Chooses the PostgreSQL server: the one named by configuration, or an embedded one.
 */
package com.focusracer.shared.database;

/**
 * Numbers people steer by: cookie-less funnel counts per event and day, the admin KPIs,
 * the pros' event statistics, and their charts drawn as SVG on the server.
 */
package com.focusracer.analytics;

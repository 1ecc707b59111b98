/**
 * The pros' statistics pages and their CSV exports.
 */
package com.focusracer.analytics.web;

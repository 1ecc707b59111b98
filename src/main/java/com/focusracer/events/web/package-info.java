/**
 * Pro pages and API endpoints for events and start lists.
 */
package com.focusracer.events.web;

/**
 * Pages and API endpoints for signing up, logging in and managing one's account and
 * tokens.
 */
package com.focusracer.accounts.web;

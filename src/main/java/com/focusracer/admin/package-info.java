/**
 * The back office: accounts, audit log, outgoing e-mail, and later KPIs and AI settings.
 */
package com.focusracer.admin;

/**
 * Admin pages.
 */
package com.focusracer.admin.web;

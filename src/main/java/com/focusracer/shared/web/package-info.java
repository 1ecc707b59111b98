/**
 * Web plumbing shared by every module's pages: layout helper, languages, error pages.
 */
package com.focusracer.shared.web;

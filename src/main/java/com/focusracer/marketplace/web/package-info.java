/**
 * The marketplace's pages (public, pro, admin) and its JSON API.
 */
package com.focusracer.marketplace.web;

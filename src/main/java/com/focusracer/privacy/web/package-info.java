/**
 * The privacy pages: requests from the account and from the public, the admins' register.
 */
package com.focusracer.privacy.web;

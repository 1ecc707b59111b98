/**
 * Users, roles, sign-up, login, password reset and API tokens.
 */
package com.focusracer.accounts;

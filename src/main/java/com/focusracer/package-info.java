/**
 * Focus Racer application root: each direct sub-package is a business module.
 */
package com.focusracer;

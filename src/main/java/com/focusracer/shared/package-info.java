/**
 * Small shared types and infrastructure every module may use: database bootstrap, web
 * layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.focusracer.shared;

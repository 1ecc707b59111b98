package com.focusracer.shared.web;

import java.util.List;

/**
 * What a module needs the admins to know about this installation (a missing payment
 * provider…), said on the admin home. Modules declare beans of this type; the admin space
 * lists them without depending on those modules.
 */
public interface AdminNotice {

	/**
	 * The message-bundle keys of what to say now.
	 * @return empty when all is well
	 */
	List<String> messageKeys();

}

package com.focusracer.accounts;

import java.util.Arrays;
import java.util.List;

/**
 * What an account may do. The five pro roles share the pro space; runners buy photos;
 * admins run the platform.
 */
public enum Role {

	PHOTOGRAPHER(true), ORGANIZER(true), AGENCY(true), CLUB(true), FEDERATION(true), ADMIN(false), RUNNER(false);

	private final boolean pro;

	Role(boolean pro) {
		this.pro = pro;
	}

	public boolean isPro() {
		return this.pro;
	}

	/**
	 * Where an account of this role lands after login.
	 * @return the path of its space
	 */
	public String landingPath() {
		if (this == ADMIN) {
			return "/admin";
		}
		return this.pro ? "/pro" : "/account";
	}

	/**
	 * The Spring Security authority names of the pro roles.
	 * @return e.g. {@code PHOTOGRAPHER}, {@code ORGANIZER}, …
	 */
	public static String[] proRoleNames() {
		return Arrays.stream(values()).filter(Role::isPro).map(Role::name).toArray(String[]::new);
	}

	/**
	 * The pro roles, in declaration order.
	 * @return the roles
	 */
	public static List<Role> proRoles() {
		return Arrays.stream(values()).filter(Role::isPro).toList();
	}

}

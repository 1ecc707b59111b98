package com.focusracer.accounts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The founders' demo accounts, created under the {@code demo} profile only (which
 * {@code mvn spring-boot:run} turns on). Their passwords break the password rules on
 * purpose, so the profile refuses to run next to {@code prod}.
 */
@Component
@Profile("demo")
class DemoAccounts {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountManagement accounts;

	DemoAccounts(AccountManagement accounts, Environment environment) {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException(
					"The demo profile creates accounts with known passwords: never run it with prod");
		}
		this.accounts = accounts;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void createDemoAccounts() {
		create("admin@focusracer.com", "Admin Focus Racer", "admin123", Role.ADMIN, null);
		create("photographe@test.com", "Photographe Démo", "photo123", Role.PRO, ProProfile.PHOTOGRAPHER);
		create("coureur@test.com", "Coureur Démo", "runner123", Role.RUNNER, null);
		create("orga@test.com", "Organisateur Démo", "orga123", Role.PRO, ProProfile.ORGANIZER);
	}

	private void create(String email, String name, String password, Role role, ProProfile profile) {
		if (this.accounts.createDemoAccount(email, name, password, role, profile)) {
			log.info("Demo account created: {} / {} ({})", email, password, (profile != null) ? profile : role);
		}
	}

}

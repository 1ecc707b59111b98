package com.focusracer.bench;

import java.time.LocalDate;
import java.util.UUID;

import com.focusracer.FocusRacerApplication;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventDraft;
import com.focusracer.events.EventManagement;
import com.focusracer.events.Visibility;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as the bench commands run it: a throw-away embedded database, no
 * pipeline workers, quiet logs, and one event owned by a fresh account.
 *
 * @param context the running application
 * @param ownerId the account that owns {@code event}
 * @param event the event to measure on
 */
record BenchApp(ConfigurableApplicationContext context, UUID ownerId, Event event) implements AutoCloseable {

	static BenchApp start(ProProfile owner) {
		return start(owner, 0);
	}

	/**
	 * Starts the application.
	 * @param ownerProfile the profile of the event's owner (a pro account)
	 * @param workerThreads pipeline workers (0: none)
	 * @return the application
	 */
	static BenchApp start(ProProfile ownerProfile, int workerThreads) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FocusRacerApplication.class)
			.properties("focusracer.database.embedded.ephemeral=true", "logging.level.root=WARN", "server.port=0",
					"focusracer.workers.threads=" + workerThreads, "focusracer.workers.polling-interval=PT0.2S")
			.run();
		AccountManagement accounts = context.getBean(AccountManagement.class);
		String email = "bench-" + UUID.randomUUID() + "@example.org";
		accounts.createDemoAccount(email, "Bench", "bench-password", Role.PRO, ownerProfile);
		UUID owner = accounts.findByEmail(email).orElseThrow().id();
		Event event = context.getBean(EventManagement.class)
			.create(owner, new EventDraft("Bench", LocalDate.now(), "Here", null, null, Visibility.PUBLIC, false, null,
					null, null, null));
		return new BenchApp(context, owner, event);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}

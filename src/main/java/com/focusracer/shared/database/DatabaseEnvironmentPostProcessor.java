package com.focusracer.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the data source at the right PostgreSQL before anything connects: the server
 * named by {@code spring.datasource.url}, else the one named by {@code DATABASE_URL},
 * else an embedded server started here (one per JVM, shared by every application context
 * of that JVM).
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DATA_DIRECTORY = "focusracer.database.embedded.data-directory";

	static final String EPHEMERAL = "focusracer.database.embedded.ephemeral";

	private static EmbeddedPostgresServer embedded;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		Map<String, Object> properties = new HashMap<>();
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (databaseUrl != null && !databaseUrl.isBlank()) {
			DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
			properties.put("spring.datasource.url", url.jdbcUrl());
			if (url.username() != null) {
				properties.put("spring.datasource.username", url.username());
			}
			if (url.password() != null) {
				properties.put("spring.datasource.password", url.password());
			}
		}
		else {
			EmbeddedPostgresServer server = embeddedServer(environment);
			properties.put("spring.datasource.url", server.jdbcUrl());
			properties.put("spring.datasource.username", server.username());
			properties.put("spring.datasource.password", "");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("focusracerDatabase", properties));
	}

	private static synchronized EmbeddedPostgresServer embeddedServer(ConfigurableEnvironment environment) {
		if (embedded == null) {
			boolean ephemeral = environment.getProperty(EPHEMERAL, Boolean.class, false);
			Path directory;
			try {
				directory = ephemeral ? Files.createTempDirectory("focus-racer-test-db")
						: Path.of(environment.getProperty(DATA_DIRECTORY, "./data/postgres"));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, ephemeral);
			// Spring runs shutdown handlers once its contexts (and their pools) are
			// closed.
			SpringApplication.getShutdownHandlers().add(server::stop);
			embedded = server;
		}
		return embedded;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

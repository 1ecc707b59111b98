package com.focusracer.shared.database;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured server wins over the embedded one, and nothing is started for it.
 */
class DatabaseEnvironmentPostProcessorTests {

	private final DatabaseEnvironmentPostProcessor processor = new DatabaseEnvironmentPostProcessor();

	@Test
	void usesDatabaseUrlFromTheEnvironment() {
		MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL",
				"postgres://racer:pw@db.internal:5433/focus");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://db.internal:5433/focus");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("racer");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
	}

	@Test
	void leavesAnExplicitDataSourceAlone() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://primary:5432/focus")
			.withProperty("DATABASE_URL", "postgres://other:pw@elsewhere/focus");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://primary:5432/focus");
		assertThat(environment.getPropertySources().contains("focusracerDatabase")).isFalse();
	}

}

package com.focusracer.shared.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTests {

	@Test
	void readsTheHostingProviderForm() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://racer:s3cr%40t@db.example.net:6543/focus?sslmode=require");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.net:6543/focus?sslmode=require");
		assertThat(url.username()).isEqualTo("racer");
		assertThat(url.password()).isEqualTo("s3cr@t");
	}

	@Test
	void readsPostgresqlSchemeWithoutPortOrPassword() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://racer@localhost/focus");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/focus");
		assertThat(url.username()).isEqualTo("racer");
		assertThat(url.password()).isNull();
	}

	@Test
	void keepsJdbcUrlsAsTheyAre() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/focus?user=a&password=b");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/focus?user=a&password=b");
		assertThat(url.username()).isNull();
	}

	@Test
	void refusesOtherDatabasesWithAClearMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://root@localhost/focus"))
			.withMessageContaining("postgres://user:password@host:5432/database");
	}

}

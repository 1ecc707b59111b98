package com.focusracer.shared.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server is a real PostgreSQL whose data survives a restart, including after
 * the JVM that started it died without stopping it.
 */
class EmbeddedPostgresServerTests {

	@TempDir
	Path directory;

	@Test
	void keepsDataAcrossRestarts() throws Exception {
		EmbeddedPostgresServer first = EmbeddedPostgresServer.start(this.directory, false);
		try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table runner (bib text primary key)");
			statement.execute("insert into runner values ('1975')");
			try (ResultSet version = statement.executeQuery("show server_version")) {
				version.next();
				assertThat(version.getString(1)).startsWith("14.");
			}
		}
		first.stop();

		EmbeddedPostgresServer second = EmbeddedPostgresServer.start(this.directory, false);
		// The same directory, as left by a JVM killed before it could stop its server.
		EmbeddedPostgresServer third = EmbeddedPostgresServer.start(this.directory, false);
		try (Connection connection = DriverManager.getConnection(third.jdbcUrl(), third.username(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select bib from runner")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("1975");
		}
		finally {
			third.stop();
			second.stop();
		}
	}

}

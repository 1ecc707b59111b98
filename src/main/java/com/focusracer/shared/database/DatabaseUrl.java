package com.focusracer.shared.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location as JDBC wants it, read from the {@code DATABASE_URL} forms that
 * hosting providers hand out ({@code postgres://user:pass@host:port/db}) or a plain JDBC
 * URL.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param username the user name, or {@code null} when the URL carries none
 * @param password the password, or {@code null} when the URL carries none
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

	/**
	 * Reads a {@code DATABASE_URL} value.
	 * @param value {@code postgres://…}, {@code postgresql://…} or
	 * {@code jdbc:postgresql://…}
	 * @return the JDBC form
	 * @throws IllegalArgumentException when the value is neither form
	 */
	public static DatabaseUrl parse(String value) {
		String trimmed = value.trim();
		if (trimmed.startsWith("jdbc:postgresql:")) {
			return new DatabaseUrl(trimmed, null, null);
		}
		if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
			throw new IllegalArgumentException("DATABASE_URL must look like postgres://user:password@host:5432/database"
					+ " or jdbc:postgresql://host:5432/database, but starts with '"
					+ trimmed.substring(0, Math.min(12, trimmed.length())) + "'");
		}
		URI uri = URI.create(trimmed);
		if (uri.getHost() == null) {
			throw new IllegalArgumentException(
					"DATABASE_URL has no host: expected postgres://user:password@host:5432/database");
		}
		String username = null;
		String password = null;
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
			password = (colon < 0) ? null : decode(userInfo.substring(colon + 1));
		}
		StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
		if (uri.getPort() > 0) {
			jdbc.append(':').append(uri.getPort());
		}
		jdbc.append((uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath());
		if (uri.getRawQuery() != null) {
			jdbc.append('?').append(uri.getRawQuery());
		}
		return new DatabaseUrl(jdbc.toString(), username, password);
	}

	private static String decode(String part) {
		return URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

}

package com.focusracer.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in French and in English.
 */
class MessageBundlesTests {

	@Test
	void frenchAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> french = keys("messages.properties");
		Set<String> english = keys("messages_en.properties");
		Set<String> onlyFrench = new TreeSet<>(french);
		onlyFrench.removeAll(english);
		Set<String> onlyEnglish = new TreeSet<>(english);
		onlyEnglish.removeAll(french);
		assertThat(onlyFrench).as("keys missing in messages_en.properties").isEmpty();
		assertThat(onlyEnglish).as("keys missing in messages.properties (French)").isEmpty();
		assertThat(french).hasSizeGreaterThan(100);
	}

	@Test
	void noTextIsEmpty() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames()).as(bundle)
				.allSatisfy((key) -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void textsWithPlaceholdersDoubleTheirApostrophes() throws IOException {
		// MessageFormat eats a lone ' (and everything up to the next one) in texts that
		// take arguments.
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames()).as(bundle)
				.filteredOn((key) -> properties.getProperty(key).matches("(?s).*\\{\\d+.*"))
				.allSatisfy(
						(key) -> assertThat(properties.getProperty(key)).as(key).doesNotContainPattern("(?<!')'(?!')"));
		}
	}

	private static Set<String> keys(String bundle) throws IOException {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(bundle)) {
			assertThat(in).as(bundle).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}

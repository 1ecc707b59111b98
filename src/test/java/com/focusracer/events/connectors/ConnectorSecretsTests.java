package com.focusracer.events.connectors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.events.ConnectorsProperties;
import com.focusracer.events.StartListSource.Credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Credentials sealed with AES-GCM: readable back with the same key and event only.
 */
class ConnectorSecretsTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void sealsAndOpensCredentials() {
		ConnectorSecrets secrets = secrets(KEY);
		UUID event = UUID.randomUUID();
		byte[] sealed = secrets.encrypt(event, new Credentials("ed", null, "the-api-key-123456", "the-secret"));
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("the-api-key")
			.doesNotContain("the-secret");
		assertThat(secrets.decrypt(event, "ed", null, sealed))
			.isEqualTo(new Credentials("ed", null, "the-api-key-123456", "the-secret"));
	}

	@Test
	void anotherEventOrKeyCannotOpenThem() {
		UUID event = UUID.randomUUID();
		byte[] sealed = secrets(KEY).encrypt(event, new Credentials("ed", null, "k", null));
		assertThatIllegalStateException().isThrownBy(() -> secrets(KEY).decrypt(UUID.randomUUID(), "ed", null, sealed));
		assertThatIllegalStateException().isThrownBy(() -> secrets(null).decrypt(event, "ed", null, sealed));
	}

	@Test
	void refusesAKeyOfTheWrongSize() {
		assertThatIllegalStateException().isThrownBy(() -> secrets(Base64.getEncoder().encodeToString(new byte[7])));
	}

	private static ConnectorSecrets secrets(String key) {
		return new ConnectorSecrets(
				new ConnectorsProperties(key, null, null, null, null, null, null, null, null, null, null, null));
	}

}

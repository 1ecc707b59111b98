package com.focusracer.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of personal link the platform e-mails loses its secret, and only its secret.
 */
class LinkSecretsTests {

	@Test
	void masksTokensKeysSignaturesAndSecretPathSegments() {
		String body = """
				Reset: https://focusracer.com/password/reset?token=q8ZrT0-xY_4kLmNoPqRsTuVwXyZ012345678abcdEFG
				Order: https://focusracer.com/orders/5b1e7c1e-2c7b-4f3e-9a55-0e2b8f1d3a10?key=Zk3_h8Lq0PwV
				Photo: https://focusracer.com/downloads/5b1e7c1e-2c7b-4f3e-9a55-0e2b8f1d3a10/photos/0c9d2f4e-8a1b-4c3d-9e8f-7a6b5c4d3e2f?expires=1767225600&sig=Hk2-9sPq_0aBcDeFgHiJ
				Stop: https://focusracer.com/alerts/mZ0q_Xx9T2hLkP4rS6tU8vW1yA3cE5gI7jN9oQ2sU4w/unsubscribe
				Gallery: https://focusracer.com/events/marathon-de-lyon-2026-kq3v9x?bib=1975
				""";
		String masked = LinkSecrets.mask(body);
		assertThat(masked).contains("https://focusracer.com/password/reset?token=•••",
				"https://focusracer.com/orders/5b1e7c1e-2c7b-4f3e-9a55-0e2b8f1d3a10?key=•••",
				"/photos/0c9d2f4e-8a1b-4c3d-9e8f-7a6b5c4d3e2f?expires=•••&sig=•••",
				"https://focusracer.com/alerts/•••/unsubscribe",
				// Nothing secret: kept as sent.
				"https://focusracer.com/events/marathon-de-lyon-2026-kq3v9x?bib=1975");
		assertThat(masked).doesNotContain("q8ZrT0", "Zk3_h8Lq0PwV", "Hk2-9sPq", "mZ0q_Xx9");
		assertThat(masked).startsWith("Reset: ").contains("\nOrder: ");
	}

}

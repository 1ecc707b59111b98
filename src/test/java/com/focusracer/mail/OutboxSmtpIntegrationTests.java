package com.focusracer.mail;

import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With an SMTP server configured, stored e-mails are really sent, and retried while the
 * server is down.
 */
@SpringBootTest
class OutboxSmtpIntegrationTests {

	private static final ServerSetup SMTP = ServerSetup.SMTP.dynamicPort();

	private static GreenMail greenMail = start();

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	private static GreenMail start() {
		GreenMail mail = new GreenMail(SMTP);
		mail.start();
		return mail;
	}

	@AfterAll
	static void stop() {
		greenMail.stop();
	}

	@Test
	void sendsStoredMailOverSmtp() throws Exception {
		String to = "runner-" + UUID.randomUUID() + "@example.org";
		UUID id = this.outbox.queue(to, "Vos photos sont en ligne", "Bonjour,\nvos 12 photos du Marathon de Lyon.");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.outbox.find(id)).get()
				.extracting(OutboxMail::status)
				.isEqualTo(OutboxMail.Status.SENT));
		MimeMessage received = java.util.Arrays.stream(greenMail.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(to);
			}
			catch (Exception ex) {
				return false;
			}
		}).findFirst().orElseThrow();
		assertThat(received.getSubject()).isEqualTo("Vos photos sont en ligne");
		assertThat(received.getContent().toString()).contains("Marathon de Lyon");
	}

	@Test
	void anEmailClaimedByANodeThatStoppedIsSentAgainWithANoteAndOneStillClaimedWaits() throws Exception {
		// Two e-mails a node marked SENDING, then stopped before it said how it went: one
		// claim has expired, the other (a node still on it) has not.
		UUID stale = UUID.randomUUID();
		UUID claimed = UUID.randomUUID();
		String to = "crash-" + UUID.randomUUID() + "@example.org";
		this.jdbc
			.sql("insert into outbox_mail (id, recipient, subject, body, status, next_attempt_at) "
					+ "values (?, ?, 'Après un arrêt', 'corps', 'SENDING', now() - interval '1 second'), "
					+ "(?, ?, 'Encore réservé', 'corps', 'SENDING', now() + interval '1 hour')")
			.params(stale, to, claimed, to)
			.update();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.outbox.find(stale)).get().satisfies((mail) -> {
				assertThat(mail.status()).isEqualTo(OutboxMail.Status.SENT);
				assertThat(mail.lastError()).contains("sent again");
			}));
		Thread.sleep(1000);
		assertThat(this.outbox.find(claimed)).get()
			.extracting(OutboxMail::status)
			.as("another node's claim is left alone")
			.isEqualTo(OutboxMail.Status.SENDING);
		assertThat(greenMail.getReceivedMessages()).filteredOn((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(to);
			}
			catch (Exception ex) {
				return false;
			}
		}).extracting(MimeMessage::getSubject).containsExactly("Après un arrêt");
	}

	@Test
	void retriesWhileTheServerIsDown() throws Exception {
		int port = greenMail.getSmtp().getPort();
		greenMail.stop();
		String to = "retry-" + UUID.randomUUID() + "@example.org";
		UUID id;
		try {
			id = this.outbox.queue(to, "Réessai", "corps");
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(this.outbox.find(id)).get().satisfies((mail) -> {
					assertThat(mail.status()).isEqualTo(OutboxMail.Status.PENDING);
					assertThat(mail.attempts()).isGreaterThanOrEqualTo(1);
					assertThat(mail.lastError()).isNotBlank();
				}));
		}
		finally {
			greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			greenMail.start();
		}
		// Do not wait for the backoff in a test: make the retry due now.
		this.jdbc.sql("update outbox_mail set next_attempt_at = now() where id = ?").param(id).update();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.outbox.find(id)).get()
				.extracting(OutboxMail::status)
				.isEqualTo(OutboxMail.Status.SENT));
		assertThat(greenMail.getReceivedMessages())
			.anySatisfy((message) -> assertThat(message.getSubject()).isEqualTo("Réessai"));
	}

}

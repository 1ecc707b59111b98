package com.focusracer.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * E-mail bodies, and the personal links in them, are deleted once the retention period
 * (30 days) is over; e-mails still waiting to be sent keep theirs.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutboxRetentionSweepIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRetentionSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountsTestUtils accounts;

	@Test
	void bodiesOlderThanTheRetentionAreDeletedAndTheAdminViewerSaysSo() throws Exception {
		String to = AccountsTestUtils.uniqueEmail("retention");
		UUID sent = this.outbox.queue(to, "Commande payée", "Vos photos : https://focusracer.com/orders/1?key=OLD");
		UUID kept = this.outbox.queue(to, "Mot de passe", "https://focusracer.com/password/reset?token=KEPT");
		UUID recent = this.outbox.queue(to, "Récent", "https://focusracer.com/password/reset?token=RECENT");
		UUID pending = this.outbox.queue(to, "En attente", "https://focusracer.com/password/reset?token=WAITING");
		Instant old = Instant.now().minus(Duration.ofDays(31));
		this.jdbc.sql("update outbox_mail set status = 'SENT', sent_at = ?, created_at = ? where id = ?")
			.params(Timestamp.from(old), Timestamp.from(old), sent)
			.update();
		this.jdbc.sql("update outbox_mail set status = 'KEPT', created_at = ? where id = ?")
			.params(Timestamp.from(old), kept)
			.update();
		this.jdbc.sql("update outbox_mail set status = 'SENT', sent_at = ?, created_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofDays(29))),
					Timestamp.from(Instant.now().minus(Duration.ofDays(29))), recent)
			.update();
		this.jdbc.sql("update outbox_mail set status = 'PENDING', created_at = ? where id = ?")
			.params(Timestamp.from(old), pending)
			.update();

		assertThat(this.sweep.purge()).isGreaterThanOrEqualTo(2);

		assertThat(this.outbox.find(sent)).get().satisfies((mail) -> {
			assertThat(mail.body()).isEmpty();
			assertThat(mail.bodyPurgedAt()).isNotNull();
			assertThat(mail.subject()).isEqualTo("Commande payée");
		});
		assertThat(this.outbox.find(kept)).get().extracting(OutboxMail::body).isEqualTo("");
		assertThat(this.outbox.find(recent)).get().extracting(OutboxMail::body).asString().contains("RECENT");
		assertThat(this.outbox.find(pending)).get().extracting(OutboxMail::body).asString().contains("WAITING");

		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));
		this.mvc.perform(get("/admin/mail/" + sent).session(admin))
			.andExpect(content().string(containsString("a été effacé le")))
			.andExpect(content().string(containsString("30 jours après l'envoi")))
			.andExpect(content().string(not(containsString("key=OLD"))));
	}

}

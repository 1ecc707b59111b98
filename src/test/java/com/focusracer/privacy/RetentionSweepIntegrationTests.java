package com.focusracer.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.Role;
import com.focusracer.mail.Outbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Every retention rule runs in one daily sweep that writes one audit line with a count
 * per rule, shown in the register's page; a second run the same day does nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RetentionSweepIntegrationTests {

	@Autowired
	RetentionSweep sweep;

	@Autowired
	PrivacyRequests requests;

	@Autowired
	Outbox outbox;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneSweepAppliesEveryRuleAndSaysWhatItDeleted() throws Exception {
		String guest = AccountsTestUtils.uniqueEmail("never-confirmed");
		this.requests.fileAsGuest(guest, null, RequestType.ACCESS, "", "", Locale.FRENCH);
		this.jdbc.sql("update privacy_request set verify_expires_at = ? where email = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), guest)
			.update();
		var old = this.outbox.queue(AccountsTestUtils.uniqueEmail("old"), "Old", "Old body with a link");
		this.jdbc.sql("update outbox_mail set created_at = ?, sent_at = ?, status = 'SENT' where id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofDays(40))),
					Timestamp.from(Instant.now().minus(Duration.ofDays(40))), old)
			.update();

		Map<String, String> counts = this.sweep.run();

		assertThat(counts).containsKeys("faces", "mail-bodies", "upload-parts", "unconfirmed-requests", "export-links");
		assertThat(Long.parseLong(counts.get("unconfirmed-requests"))).isPositive();
		assertThat(Long.parseLong(counts.get("mail-bodies"))).isPositive();
		assertThat(this.jdbc.sql("select count(*) from privacy_request where email = ?")
			.param(guest)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.outbox.find(old).orElseThrow().bodyPurgedAt()).isNotNull();
		AuditEntry line = this.sweep.latest(1).get(0);
		assertThat(line.detail()).startsWith("faces: ").contains("mail-bodies: ", "unconfirmed-requests: ");
		// The day's run is done: another node's (or this one's next) does nothing.
		assertThat(this.sweep.runIfDue()).isEmpty();
		this.mvc
			.perform(get("/admin/privacy")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.principal(this.accounts.anAccount(Role.ADMIN)))))
			.andExpect(content().string(containsString("id=\"retention-runs\"")))
			.andExpect(content().string(containsString(line.detail())));
	}

}

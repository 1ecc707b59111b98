package com.focusracer.privacy.internal;

import java.sql.Timestamp;
import java.time.Clock;

import com.focusracer.mail.Outbox;
import com.focusracer.privacy.PrivacyProperties;
import com.focusracer.privacy.RetentionRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention rules of what the privacy module keeps, and of the outbox (the mail
 * module depends on nothing, so its rule is declared here, through its facade).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyRetentionRules {

	@Bean
	@Order(20)
	RetentionRule mailBodies(Outbox outbox) {
		return rule("mail-bodies", outbox::purgeExpiredBodies);
	}

	@Bean
	@Order(40)
	RetentionRule unconfirmedRequests(JdbcClient jdbc, Clock clock) {
		// A guest who never followed the link proved nothing: their address goes.
		return rule("unconfirmed-requests",
				() -> jdbc
					.sql("delete from privacy_request where status = 'AWAITING_CONFIRMATION' and verify_expires_at < ?")
					.param(Timestamp.from(clock.instant()))
					.update());
	}

	@Bean
	@Order(50)
	RetentionRule exportLinks(JdbcClient jdbc, Clock clock, PrivacyProperties properties) {
		return rule("export-links", () -> jdbc.sql(
				"update privacy_request set export_token_hash = null where export_token_hash is not null and export_expires_at < ?")
			.param(Timestamp.from(clock.instant()))
			.update());
	}

	private static RetentionRule rule(String name, java.util.function.LongSupplier apply) {
		return new RetentionRule() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public long apply() {
				return apply.getAsLong();
			}

		};
	}

}

package com.focusracer.privacy.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit entries about a person and their personal-data requests. On erasure, last of
 * all: the audit entries keep what was done and when but no longer who, and the register
 * keeps of the person only the SHA-256 of their address.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PrivacyPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final com.focusracer.privacy.Consents consents;

	PrivacyPersonalData(JdbcClient jdbc, com.focusracer.privacy.Consents consents) {
		this.jdbc = jdbc;
		this.consents = consents;
	}

	@Override
	public String part() {
		return "privacy";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		String account = (person.accountId() != null) ? person.accountId().toString() : "";
		export.table("audit-entries", this.jdbc.sql("""
				select at, actor_email, action, target_type, target_id, detail from audit_log
				where actor_id = cast(:id as uuid) or lower(actor_email) = :email or target_id in (:account, :email)
				order by at""")
			.param("id", person.accountId())
			.param("email", person.email())
			.param("account", account)
			.query()
			.listOfRows());
		export.table("consents", this.consents.of(person));
		export.table("requests", this.jdbc.sql("""
				select reference, type, status, identity_check, details, photo_links, created_at, received_at, due_at,
				       extension_months, extension_reason, responded_at, response_format, refusal_reason, export_sha256
				from privacy_request where email_hash = ? and status <> 'AWAITING_CONFIRMATION' order by created_at""")
			.param(Secrets.emailHash(person.email()))
			.query()
			.listOfRows());
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (!erasure.everything()) {
			return List.of();
		}
		Person person = erasure.person();
		String account = (person.accountId() != null) ? person.accountId().toString() : "";
		List<Erased> done = new ArrayList<>();
		int actors = this.jdbc.sql("""
				update audit_log set actor_id = null, actor_email = null
				where actor_id = cast(:id as uuid) or lower(actor_email) = :email""")
			.param("id", person.accountId())
			.param("email", person.email())
			.update();
		int targets = this.jdbc.sql("update audit_log set target_id = 'erased' where target_id in (:account, :email)")
			.param("account", account)
			.param("email", person.email())
			.update();
		int details = replaceInDetails(person.email());
		if (person.accountId() != null) {
			details += replaceInDetails(account);
		}
		if (person.name() != null && person.name().strip().length() >= 3) {
			details += replaceInDetails(person.name().strip());
		}
		done.add(new Erased("audit entries made anonymous", actors + targets + details));
		done.add(new Erased("consents deleted", this.consents.erase(person)));
		done.add(new Erased("requests kept with the address hash only",
				this.jdbc.sql("""
						update privacy_request set email = null, name = null, account_id = null, details = null,
						    verify_token_hash = null, export_token_hash = null
						where email_hash = ? and (email is not null or account_id is not null)""")
					.param(Secrets.emailHash(person.email()))
					.update()));
		return done;
	}

	private int replaceInDetails(String text) {
		return this.jdbc.sql("""
				update audit_log set detail = replace(detail, :text, '[erased]') where strpos(detail, :text) > 0""")
			.param("text", text)
			.update();
	}

}

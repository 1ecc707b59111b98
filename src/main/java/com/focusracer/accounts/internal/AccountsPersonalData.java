package com.focusracer.accounts.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account, its role, its sessions (one version number: sessions live in memory) and
 * the metadata of its API tokens and e-mailed links (never a secret or its hash). On
 * erasure, once every other module has used the account id: every session ends, every
 * token and link is deleted, and the account with them.
 */
@Component
@Order(60)
class AccountsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AccountsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "accounts";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		if (!person.hasAccount()) {
			return;
		}
		List<Map<String, Object>> account = this.jdbc.sql("""
				select id, email, display_name, role, pro_profile, enabled, email_verified, locale, session_version,
				       created_at, updated_at
				from account where id = ?""").param(person.accountId()).query().listOfRows();
		if (!account.isEmpty()) {
			export.document("account", account.get(0));
		}
		export.table("api-tokens", this.jdbc.sql("""
				select id, name, kind, prefix, created_at, expires_at, last_used_at, revoked_at from api_token
				where account_id = ? order by created_at""").param(person.accountId()).query().listOfRows());
		export.table("e-mailed-links", this.jdbc.sql("""
				select purpose, new_email, created_at, expires_at, used_at from account_token
				where account_id = ? order by created_at""").param(person.accountId()).query().listOfRows());
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (!erasure.everything() || !erasure.person().hasAccount()) {
			return List.of();
		}
		Object id = erasure.person().accountId();
		List<Erased> done = new ArrayList<>();
		// Sessions check the version on every request: the account's going ends them.
		done.add(new Erased("API tokens revoked and deleted",
				this.jdbc.sql("delete from api_token where account_id = ?").param(id).update()));
		done.add(new Erased("e-mailed links deleted",
				this.jdbc.sql("delete from account_token where account_id = ?").param(id).update()));
		done.add(new Erased("account ended, its sessions with it",
				this.jdbc.sql("delete from account where id = ?").param(id).update()));
		return done;
	}

}

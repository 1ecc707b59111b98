package com.focusracer.marketplace.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;
import com.focusracer.privacy.Person;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the marketplace holds about a pro: their profile and portfolio, their applications
 * (messages, links, withdrawal reasons), the reviews they wrote and those about them, and
 * their reports. Exported; on erasure the profile and reviews are deleted and the
 * applications kept without their texts (an organizer's record of whom they hired).
 */
@Component
@Order(55)
class MarketplacePersonalData implements PersonalData {

	private final JdbcClient jdbc;

	MarketplacePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "marketplace";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		if (!person.hasAccount()) {
			return;
		}
		export.table("marketplace-profile",
				this.jdbc.sql("select * from photographer_profile where account_id = ?")
					.param(person.accountId())
					.query()
					.listOfRows());
		export.table("marketplace-portfolio",
				this.jdbc.sql("select * from portfolio_photo where account_id = ?")
					.param(person.accountId())
					.query()
					.listOfRows());
		export.table("marketplace-applications", this.jdbc.sql("""
				select id, event_id, message, portfolio_url, fee, currency, share_percent, spot, spot_km, status,
				       withdraw_reason, created_at, decided_at
				from application where photographer_id = ? order by created_at""")
			.param(person.accountId())
			.query()
			.listOfRows());
		export.table("marketplace-reviews",
				this.jdbc.sql("""
						select id, application_id, author_side, stars, body, event_date, written_at,
						       case when author_id = :account then 'written' else 'about you' end as direction
						from review where author_id = :account or subject_id = :account order by written_at""")
					.param("account", person.accountId())
					.query()
					.listOfRows());
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (!erasure.everything() || !erasure.person().hasAccount()) {
			return List.of();
		}
		var account = erasure.person().accountId();
		List<Erased> done = new ArrayList<>();
		done.add(new Erased("marketplace profile and portfolio deleted",
				this.jdbc.sql("delete from photographer_profile where account_id = ?").param(account).update()));
		done.add(new Erased("marketplace reviews deleted",
				this.jdbc.sql("delete from review where author_id = :account or subject_id = :account")
					.param("account", account)
					.update()));
		done.add(new Erased("marketplace reports anonymised",
				this.jdbc.sql("update review_report set reporter_id = null where reporter_id = ?")
					.param(account)
					.update()));
		done.add(new Erased("marketplace applications anonymised", this.jdbc.sql("""
				update application set message = '', portfolio_url = null, withdraw_reason = null
				where photographer_id = ?""").param(account).update()));
		return done;
	}

}

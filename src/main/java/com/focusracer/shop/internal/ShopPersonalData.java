package com.focusracer.shop.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's orders (by account and by address), their photos, invoices and cart. On
 * erasure the orders are kept for the accounts but anonymised, the cart deleted, the
 * payment notifications emptied; who each invoice was issued to moves to the invoice
 * archive, kept 10 years (French commercial code, article L123-22).
 */
@Component
@Order(40)
class ShopPersonalData implements PersonalData {

	static final String ERASED_EMAIL = "erased@erased.invalid";

	private static final int INVOICE_YEARS = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	ShopPersonalData(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String part() {
		return "shop";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		List<UUID> orders = orders(person);
		export.table("orders", this.jdbc.sql("""
				select id, event_id, email, language, bib, resolution, status, amount, currency, refunded_amount,
				       provider, created_at, paid_at, links_until
				from shop_order where id in (:ids) order by created_at""")
			.param("ids", ids(orders))
			.query()
			.listOfRows());
		export.table("order-photos", this.jdbc.sql("""
				select order_id, photo_id, position, amount from order_item where order_id in (:ids)
				order by order_id, position""").param("ids", ids(orders)).query().listOfRows());
		export.table("invoices", this.jdbc.sql("""
				select number, kind, order_id, corrects, issued_at, amount, vat_rate_percent, vat_amount, currency
				from invoice where order_id in (:ids) order by issued_at""")
			.param("ids", ids(orders))
			.query()
			.listOfRows());
		if (person.hasAccount()) {
			export.table("cart",
					this.jdbc.sql("select items, updated_at from runner_cart where account_id = ?")
						.param(person.accountId())
						.query()
						.listOfRows());
		}
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (!erasure.everything()) {
			return List.of();
		}
		Person person = erasure.person();
		List<UUID> orders = orders(person);
		Instant now = this.clock.instant();
		LocalDate keepUntil = now.atZone(ZoneId.of("Europe/Paris")).toLocalDate().plusYears(INVOICE_YEARS);
		int archived = this.jdbc.sql("""
				insert into invoice_buyer_archive (invoice_number, order_id, buyer_email, buyer_account, buyer_name,
				    archived_at, keep_until, erasure_ref)
				select i.number, o.id, o.email, o.account_id, :name, :now, :until, :ref
				from invoice i join shop_order o on o.id = i.order_id
				where o.id in (:ids) and o.email <> :erased
				on conflict (invoice_number) do nothing""")
			.param("name", person.name())
			.param("now", Timestamp.from(now))
			.param("until", keepUntil)
			.param("ref", erasure.reference())
			.param("ids", ids(orders))
			.param("erased", ERASED_EMAIL)
			.update();
		int anonymised = this.jdbc.sql("""
				update shop_order set email = :erased, account_id = null, bib = null, client_secret = null,
				    links_until = least(links_until, :now), updated_at = :now
				where id in (:ids)""")
			.param("erased", ERASED_EMAIL)
			.param("now", Timestamp.from(now))
			.param("ids", ids(orders))
			.update();
		int payments = this.jdbc.sql(
				"update payment_event set payload = '{\"erased\":true}' where order_id in (:ids) and payload <> '{\"erased\":true}'")
			.param("ids", ids(orders))
			.update();
		List<Erased> done = new ArrayList<>();
		done.add(new Erased("invoice buyers archived (10 years)", archived));
		done.add(new Erased("orders anonymised", anonymised));
		done.add(new Erased("payment notifications emptied", payments));
		if (person.hasAccount()) {
			done.add(new Erased("carts deleted",
					this.jdbc.sql("delete from runner_cart where account_id = ?").param(person.accountId()).update()));
		}
		return done;
	}

	private List<UUID> orders(Person person) {
		return this.jdbc
			.sql("""
					select id from shop_order
					where lower(email) = :email or (cast(:account as uuid) is not null and account_id = cast(:account as uuid))""")
			.param("email", person.email())
			.param("account", person.accountId())
			.query(UUID.class)
			.list();
	}

	private static List<UUID> ids(List<UUID> orders) {
		// "in ()" is not SQL: an id no order has stands for none.
		return orders.isEmpty() ? List.of(new UUID(0, 0)) : orders;
	}

}

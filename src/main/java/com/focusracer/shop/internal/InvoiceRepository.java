package com.focusracer.shop.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import com.focusracer.shop.Invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invoices and credit notes, numbered per series without gap.
 */
@Repository
public class InvoiceRepository {

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the next number of an invoice series. The counter row stays locked until the
	 * transaction ends (as with {@code select ... for update}): a concurrent payment
	 * waits for this one, and a rollback gives the number back, so the numbers follow
	 * each other with neither gap nor double.
	 * @param series e.g. {@code FR-2026}
	 * @return 1 for the series' first document, then 2, 3…
	 */
	public long nextInvoiceNumber(String series) {
		return this.jdbc.sql("""
				insert into invoice_counter (series, last_number) values (?, 1)
				on conflict (series) do update set last_number = invoice_counter.last_number + 1
				returning last_number""").param(series).query(Long.class).single();
	}

	public void insertInvoice(Invoice invoice) {
		this.jdbc.sql("""
				insert into invoice (number, kind, order_id, corrects, issued_at, amount, vat_rate_percent, vat_amount,
				    currency)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(invoice.number(), invoice.kind().name(), invoice.orderId(), invoice.corrects(),
					Timestamp.from(invoice.issuedAt()), invoice.amount(), invoice.vatRatePercent(), invoice.vatAmount(),
					invoice.currency())
			.update();
	}

	/**
	 * An order's invoice and credit notes, in the order they were issued.
	 */
	public List<Invoice> invoices(UUID orderId) {
		return this.jdbc.sql("select * from invoice where order_id = ? order by issued_at, number")
			.param(orderId)
			.query((rs, row) -> new Invoice(rs.getString("number"), Invoice.Kind.valueOf(rs.getString("kind")), orderId,
					rs.getString("corrects"), rs.getTimestamp("issued_at").toInstant(), rs.getLong("amount"),
					rs.getInt("vat_rate_percent"), rs.getLong("vat_amount"), rs.getString("currency")))
			.list();
	}

}

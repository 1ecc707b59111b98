package com.focusracer.shop;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.shared.LegalProperties;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The PDF of a paid order: its invoice (seller identity from {@code focusracer.legal.*},
 * number, date, buyer, the lines as the cart priced them with the photos' numbers, the
 * amounts before VAT, the VAT and the total), then one page per credit note. A free order
 * gets a summary that says no invoice is issued.
 */
@Service
public class Receipts {

	private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private final Invoices invoices;

	private final EventManagement events;

	private final LegalProperties legal;

	private final MessageSource messages;

	Receipts(Invoices invoices, EventManagement events, LegalProperties legal, MessageSource messages) {
		this.invoices = invoices;
		this.events = events;
		this.legal = legal;
		this.messages = messages;
	}

	/**
	 * The PDF's file name.
	 * @param order the order
	 * @param locale the reader's language
	 * @return e.g. {@code facture-FR-2026-000123.pdf}, or the order's number when it has
	 * no invoice
	 */
	public String fileName(Order order, Locale locale) {
		return this.invoices.invoiceOf(order.id())
			.map((invoice) -> t(locale, "shop.invoice.file") + "-" + invoice.number() + ".pdf")
			.orElse("focus-racer-" + order.shortId() + ".pdf");
	}

	/**
	 * Writes the invoice and its credit notes.
	 * @param order a paid order
	 * @param locale the reader's language
	 * @param out where to write the PDF
	 * @throws IOException when writing fails
	 */
	public void write(Order order, Locale locale, OutputStream out) throws IOException {
		Event event = this.events.get(order.eventId()).orElseThrow();
		Optional<Invoice> invoice = this.invoices.invoiceOf(order.id());
		Fonts fonts = Fonts.helvetica();
		Document document = new Document(PageSize.A4, 50, 50, 50, 50);
		try {
			PdfWriter.getInstance(document, out);
			String title = invoice.map((i) -> t(locale, "shop.invoice.title", i.number()))
				.orElse(t(locale, "shop.invoice.summary", order.shortId()));
			document.addTitle(title);
			document.open();
			header(document, fonts, title, locale);
			DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
			Instant issued = invoice.map(Invoice::issuedAt)
				.orElse((order.paidAt() != null) ? order.paidAt() : order.createdAt());
			document.add(new Paragraph(t(locale, "shop.invoice.date", date.format(issued.atZone(ZONE))), fonts.text));
			document.add(new Paragraph(t(locale, "shop.invoice.buyer", order.email()), fonts.text));
			document.add(new Paragraph(t(locale, "shop.invoice.order", order.shortId()), fonts.text));
			document.add(new Paragraph(t(locale, "shop.invoice.event", event.name(), date.format(event.date())),
					fonts.text));
			document.add(new Paragraph(" "));
			document.add(lines(order, locale, fonts));
			if (invoice.isPresent()) {
				document.add(totals(invoice.get(), locale, fonts));
				document.add(new Paragraph(" "));
				document
					.add(new Paragraph(t(locale, order.byTestPayments() ? "shop.invoice.paidTest" : "shop.invoice.paid",
							date.format(invoice.get().issuedAt().atZone(ZONE))), fonts.text));
				List<Invoice> notes = this.invoices.creditNotesOf(order.id());
				for (Invoice note : notes) {
					document
						.add(new Paragraph(t(locale, "shop.invoice.refunded", date.format(note.issuedAt().atZone(ZONE)),
								money(note.amount(), note, locale), note.number()), fonts.text));
				}
				long noted = notes.stream().mapToLong(Invoice::amount).sum();
				if (order.refundedAmount() > noted) {
					// Refunded before credit notes existed.
					document.add(new Paragraph(
							t(locale, "shop.invoice.refundedEarlier",
									Money.format(order.refundedAmount() - noted, order.currency(), locale)),
							fonts.text));
				}
				for (Invoice note : notes) {
					creditNote(document, fonts, order, invoice.get(), note, locale, date);
				}
			}
			else {
				document.add(new Paragraph(" "));
				document.add(new Paragraph(t(locale, "shop.invoice.free"), fonts.text));
			}
		}
		catch (DocumentException ex) {
			throw new IOException(ex);
		}
		finally {
			document.close();
		}
	}

	private void header(Document document, Fonts fonts, String title, Locale locale) throws DocumentException {
		document.add(new Paragraph(title, fonts.title));
		document.add(new Paragraph(" "));
		document.add(new Paragraph(this.legal.companyName(), fonts.bold));
		document.add(new Paragraph(this.legal.legalForm(), fonts.text));
		document.add(new Paragraph(this.legal.address(), fonts.text));
		document.add(new Paragraph("SIRET " + this.legal.siret(), fonts.text));
		document.add(new Paragraph(t(locale, "shop.invoice.vatNumber", this.legal.vatNumber()), fonts.text));
		document.add(new Paragraph(" "));
	}

	private PdfPTable lines(Order order, Locale locale, Fonts fonts) {
		PdfPTable table = new PdfPTable(new float[] { 6, 1, 2, 2 });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.addCell(cell(t(locale, "shop.invoice.item"), fonts.bold, Element.ALIGN_LEFT));
		table.addCell(cell(t(locale, "shop.invoice.quantity"), fonts.bold, Element.ALIGN_RIGHT));
		table.addCell(cell(t(locale, "shop.invoice.unitPrice"), fonts.bold, Element.ALIGN_RIGHT));
		table.addCell(cell(t(locale, "shop.invoice.amount"), fonts.bold, Element.ALIGN_RIGHT));
		for (Invoices.Line line : this.invoices.lines(order)) {
			Phrase item = new Phrase(this.invoices.designation(line, order, locale), fonts.text);
			String numbers = this.invoices.photoNumbers(line, locale);
			if (!numbers.isEmpty()) {
				item.add(new Phrase("\n" + numbers, fonts.small));
			}
			PdfPCell designation = new PdfPCell(item);
			designation.setPadding(5);
			table.addCell(designation);
			table.addCell(cell(String.valueOf(line.quantity()), fonts.text, Element.ALIGN_RIGHT));
			table.addCell(
					cell(Money.format(line.unitPrice(), order.currency(), locale), fonts.text, Element.ALIGN_RIGHT));
			table.addCell(cell(Money.format(line.amount(), order.currency(), locale), fonts.text, Element.ALIGN_RIGHT));
		}
		return table;
	}

	/**
	 * Total before VAT, VAT, total: computed once from the total with VAT, so that they
	 * add up to the cent.
	 */
	private PdfPTable totals(Invoice invoice, Locale locale, Fonts fonts) {
		PdfPTable table = new PdfPTable(new float[] { 9, 2 });
		table.setWidthPercentage(100);
		table.addCell(cell(t(locale, "shop.invoice.net"), fonts.text, Element.ALIGN_RIGHT));
		table.addCell(cell(money(invoice.netAmount(), invoice, locale), fonts.text, Element.ALIGN_RIGHT));
		table.addCell(cell(t(locale, "shop.invoice.vat", invoice.vatRatePercent()), fonts.text, Element.ALIGN_RIGHT));
		table.addCell(cell(money(invoice.vatAmount(), invoice, locale), fonts.text, Element.ALIGN_RIGHT));
		table.addCell(cell(t(locale, "shop.invoice.gross"), fonts.bold, Element.ALIGN_RIGHT));
		table.addCell(cell(money(invoice.amount(), invoice, locale), fonts.bold, Element.ALIGN_RIGHT));
		return table;
	}

	private void creditNote(Document document, Fonts fonts, Order order, Invoice invoice, Invoice note, Locale locale,
			DateTimeFormatter date) throws DocumentException {
		document.newPage();
		header(document, fonts, t(locale, "shop.invoice.creditNote", note.number()), locale);
		document
			.add(new Paragraph(t(locale, "shop.invoice.date", date.format(note.issuedAt().atZone(ZONE))), fonts.text));
		document.add(new Paragraph(
				t(locale, "shop.invoice.corrects", invoice.number(), date.format(invoice.issuedAt().atZone(ZONE))),
				fonts.text));
		document.add(new Paragraph(t(locale, "shop.invoice.buyer", order.email()), fonts.text));
		document.add(new Paragraph(t(locale, "shop.invoice.order", order.shortId()), fonts.text));
		document.add(new Paragraph(" "));
		PdfPTable table = new PdfPTable(new float[] { 9, 2 });
		table.setWidthPercentage(100);
		table.addCell(cell(t(locale, "shop.invoice.item"), fonts.bold, Element.ALIGN_LEFT));
		table.addCell(cell(t(locale, "shop.invoice.amount"), fonts.bold, Element.ALIGN_RIGHT));
		table.addCell(cell(t(locale, "shop.invoice.refund", order.shortId()), fonts.text, Element.ALIGN_LEFT));
		table.addCell(cell(money(note.amount(), note, locale), fonts.text, Element.ALIGN_RIGHT));
		document.add(table);
		document.add(totals(note, locale, fonts));
	}

	private static String money(long minor, Invoice invoice, Locale locale) {
		return Money.format(minor, invoice.currency(), locale);
	}

	private String t(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private static PdfPCell cell(String content, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(content, font));
		cell.setHorizontalAlignment(alignment);
		cell.setPadding(5);
		return cell;
	}

	private record Fonts(Font title, Font text, Font bold, Font small) {

		static Fonts helvetica() throws IOException {
			try {
				BaseFont base = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, false);
				return new Fonts(new Font(base, 18, Font.BOLD), new Font(base, 10), new Font(base, 10, Font.BOLD),
						new Font(base, 8));
			}
			catch (DocumentException ex) {
				throw new IOException(ex);
			}
		}

	}

}

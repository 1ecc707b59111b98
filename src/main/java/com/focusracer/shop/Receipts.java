package com.focusracer.shop;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.shop.internal.ShopRepository;
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
 * The PDF receipt of a paid order: seller, buyer, items, total and the VAT it includes.
 */
@Service
public class Receipts {

	private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private final ShopRepository repository;

	private final EventManagement events;

	private final PhotoManagement photos;

	private final ShopProperties properties;

	private final MessageSource messages;

	Receipts(ShopRepository repository, EventManagement events, PhotoManagement photos, ShopProperties properties,
			MessageSource messages) {
		this.repository = repository;
		this.events = events;
		this.photos = photos;
		this.properties = properties;
		this.messages = messages;
	}

	/**
	 * Writes the receipt.
	 * @param order a paid order
	 * @param locale the reader's language
	 * @param out where to write the PDF
	 * @throws IOException when writing fails
	 */
	public void write(Order order, Locale locale, OutputStream out) throws IOException {
		Event event = this.events.get(order.eventId()).orElseThrow();
		BaseFont base;
		try {
			base = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, false);
		}
		catch (DocumentException ex) {
			throw new IOException(ex);
		}
		Font title = new Font(base, 18, Font.BOLD);
		Font text = new Font(base, 10);
		Font bold = new Font(base, 10, Font.BOLD);
		Document document = new Document(PageSize.A4, 50, 50, 50, 50);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(t("shop.receipt.title", locale) + " " + order.shortId());
			document.open();
			document.add(new Paragraph(t("shop.receipt.title", locale) + " " + order.shortId(), title));
			ShopProperties.Seller seller = this.properties.seller();
			document.add(new Paragraph(seller.name(), bold));
			if (!seller.address().isBlank()) {
				document.add(new Paragraph(seller.address(), text));
			}
			if (!seller.vatNumber().isBlank()) {
				document.add(new Paragraph(t("shop.receipt.vatNumber", locale) + " " + seller.vatNumber(), text));
			}
			document.add(new Paragraph(" "));
			DateTimeFormatter date = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale);
			document.add(new Paragraph(t("shop.receipt.buyer", locale) + " " + order.email(), text));
			document.add(new Paragraph(t("shop.receipt.order", locale) + " " + order.id(), text));
			document
				.add(new Paragraph(
						t("shop.receipt.date", locale) + " "
								+ date.format(
										((order.paidAt() != null) ? order.paidAt() : order.createdAt()).atZone(ZONE)),
						text));
			document.add(new Paragraph(t("shop.receipt.event", locale) + " " + event.name(), text));
			document.add(new Paragraph(" "));
			PdfPTable table = new PdfPTable(new float[] { 4, 1 });
			table.setWidthPercentage(100);
			table.addCell(cell(t("shop.receipt.item", locale), bold, Element.ALIGN_LEFT));
			table.addCell(cell(t("shop.receipt.amount", locale), bold, Element.ALIGN_RIGHT));
			for (ShopRepository.Item item : this.repository.items(order.id())) {
				String name = this.photos.get(item.photoId())
					.map((p) -> p.fileName())
					.orElse(item.photoId().toString());
				table.addCell(cell(t("shop.receipt.photo", locale) + " " + name + " ("
						+ t("shop.resolution." + order.resolution(), locale) + ")", text, Element.ALIGN_LEFT));
				table.addCell(cell(Money.format(item.amount(), order.currency(), locale), text, Element.ALIGN_RIGHT));
			}
			table.addCell(cell(t("shop.receipt.total", locale), bold, Element.ALIGN_LEFT));
			table.addCell(cell(Money.format(order.amount(), order.currency(), locale), bold, Element.ALIGN_RIGHT));
			int vat = this.properties.vatPercent();
			if (vat > 0) {
				// Prices include VAT: its part is amount × rate / (100 + rate).
				long vatAmount = (order.amount() * vat + (100 + vat) / 2) / (100 + vat);
				table.addCell(cell(t("shop.receipt.vat", locale) + " " + vat + " %", text, Element.ALIGN_LEFT));
				table.addCell(cell(Money.format(vatAmount, order.currency(), locale), text, Element.ALIGN_RIGHT));
			}
			if (order.refundedAmount() > 0) {
				table.addCell(cell(t("shop.receipt.refunded", locale), text, Element.ALIGN_LEFT));
				table.addCell(cell("-" + Money.format(order.refundedAmount(), order.currency(), locale), text,
						Element.ALIGN_RIGHT));
			}
			document.add(table);
		}
		catch (DocumentException ex) {
			throw new IOException(ex);
		}
		finally {
			document.close();
		}
	}

	private String t(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static PdfPCell cell(String content, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(content, font));
		cell.setHorizontalAlignment(alignment);
		cell.setPadding(5);
		return cell;
	}

}

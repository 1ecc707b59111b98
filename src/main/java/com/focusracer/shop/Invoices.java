package com.focusracer.shop;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusracer.gallery.PhotoNumber;
import com.focusracer.shared.LegalProperties;
import com.focusracer.shop.internal.OrderItem;
import com.focusracer.shop.internal.InvoiceRepository;
import com.focusracer.shop.internal.OrderRepository;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Invoices and credit notes: numbered when an order is paid or refunded, in the same
 * transaction, from one gap-free numbering per year ({@code FR-2026-000123}); and what
 * was sold, line by line as the cart priced it (a pack is one line), with the photos'
 * numbers.
 */
@Service
public class Invoices {

	/** The numbers' prefix. */
	static final String PREFIX = "FR";

	private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	/** One line of an order's pricing, as {@code Orders} records it: KIND:QxS@UNIT. */
	private static final Pattern PRICED = Pattern.compile("([A-Z_]+):(\\d+)x(\\d+)@(\\d+)");

	private final InvoiceRepository invoiceRepository;

	private final OrderRepository orderRepository;

	private final LegalProperties legal;

	private final MessageSource messages;

	Invoices(InvoiceRepository invoiceRepository, OrderRepository orderRepository, LegalProperties legal,
			MessageSource messages) {
		this.invoiceRepository = invoiceRepository;
		this.orderRepository = orderRepository;
		this.legal = legal;
		this.messages = messages;
	}

	/**
	 * Issues the invoice of an order that was just paid, in the caller's transaction. A
	 * free order gets none: nothing was sold.
	 * @param order the order, paid
	 * @param at when it was paid
	 * @return the invoice, or {@code null} for a free order
	 */
	Invoice issue(Order order, Instant at) {
		if (order.amount() <= 0) {
			return null;
		}
		Optional<Invoice> issued = invoiceOf(order.id());
		if (issued.isPresent()) {
			return issued.get();
		}
		int rate = this.legal.vatRatePercent();
		Invoice invoice = new Invoice(nextNumber(at), Invoice.Kind.INVOICE, order.id(), null, at, order.amount(), rate,
				Money.vatIncluded(order.amount(), rate), order.currency());
		this.invoiceRepository.insertInvoice(invoice);
		return invoice;
	}

	/**
	 * Issues the credit note of a refund, in the caller's transaction, at the rate of the
	 * invoice it corrects.
	 * @param order the order
	 * @param amount what was refunded this time
	 * @param at when
	 * @return the credit note, or {@code null} when the order has no invoice
	 */
	Invoice creditNote(Order order, long amount, Instant at) {
		Optional<Invoice> invoice = invoiceOf(order.id());
		if (invoice.isEmpty() || amount <= 0) {
			return null;
		}
		int rate = invoice.get().vatRatePercent();
		Invoice note = new Invoice(nextNumber(at), Invoice.Kind.CREDIT_NOTE, order.id(), invoice.get().number(), at,
				amount, rate, Money.vatIncluded(amount, rate), order.currency());
		this.invoiceRepository.insertInvoice(note);
		return note;
	}

	/**
	 * An order's invoice.
	 * @param orderId the order
	 * @return the invoice, or empty (unpaid, free)
	 */
	public Optional<Invoice> invoiceOf(UUID orderId) {
		return this.invoiceRepository.invoices(orderId)
			.stream()
			.filter((invoice) -> invoice.kind() == Invoice.Kind.INVOICE)
			.findFirst();
	}

	/**
	 * An order's credit notes.
	 * @param orderId the order
	 * @return the credit notes, oldest first
	 */
	public List<Invoice> creditNotesOf(UUID orderId) {
		return this.invoiceRepository.invoices(orderId)
			.stream()
			.filter((invoice) -> invoice.kind() == Invoice.Kind.CREDIT_NOTE)
			.toList();
	}

	/**
	 * What an order sold, line by line.
	 * @param order the order
	 * @return the lines; their amounts add up to the order's amount
	 */
	public List<Line> lines(Order order) {
		return lines(order.pricing(), order.amount(),
				this.orderRepository.items(order.id()).stream().map(OrderItem::photoId).toList());
	}

	/**
	 * Reads an order's pricing back into lines and shares its photos out between them, in
	 * the order's order: each pack takes as many photos as it covers, "all my photos"
	 * takes them all. What the cap took off is a line of its own, so that the lines add
	 * up to what was paid.
	 * @param pricing the order's pricing, e.g. {@code PACK:1x3@1200,SINGLE:1x1@500,CAP}
	 * @param amount what the order costs
	 * @param photoIds the order's photos, in order
	 * @return the lines
	 */
	static List<Line> lines(String pricing, long amount, List<UUID> photoIds) {
		List<Line> lines = new ArrayList<>();
		int next = 0;
		long sum = 0;
		for (String part : pricing.split(",")) {
			Matcher priced = PRICED.matcher(part.strip());
			if (!priced.matches()) {
				continue;
			}
			LineKind kind;
			try {
				kind = LineKind.valueOf(priced.group(1));
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			int quantity = Integer.parseInt(priced.group(2));
			int size = Integer.parseInt(priced.group(3));
			long unit = Long.parseLong(priced.group(4));
			int left = photoIds.size() - next;
			int covers = Math.min(left, (kind == LineKind.ALL_PHOTOS) ? left : quantity * size);
			lines.add(new Line(kind, quantity, size, unit, quantity * unit,
					List.copyOf(photoIds.subList(next, next + covers))));
			next += covers;
			sum += quantity * unit;
		}
		if (sum != amount) {
			lines.add(new Line(LineKind.CAP, 1, 0, amount - sum, amount - sum, List.of()));
		}
		return lines;
	}

	/**
	 * A line in words, such as {@code Pack de 3 photos} followed by the resolution.
	 * @param line the line
	 * @param order its order (the bib, the resolution)
	 * @param locale the reader's language
	 * @return the text
	 */
	public String designation(Line line, Order order, Locale locale) {
		String resolution = this.messages.getMessage("shop.resolution." + order.resolution(), null, locale);
		return this.messages.getMessage("shop.invoice.line." + line.kind(),
				new Object[] { line.quantity(), line.size(), String.valueOf(order.bib()), resolution }, locale);
	}

	/**
	 * The numbers of a line's photos: {@code Photos n° 3F2A9C1B} and the others.
	 * @param line the line
	 * @param locale the reader's language
	 * @return the text, empty for a line without photos
	 */
	public String photoNumbers(Line line, Locale locale) {
		if (line.photoIds().isEmpty()) {
			return "";
		}
		return this.messages.getMessage("shop.invoice.photos", new Object[] { line.photoIds().size(),
				String.join(", ", line.photoIds().stream().map(PhotoNumber::of).toList()) }, locale);
	}

	private String nextNumber(Instant at) {
		String series = PREFIX + "-" + at.atZone(ZONE).getYear();
		return series + "-" + String.format(Locale.ROOT, "%06d", this.invoiceRepository.nextInvoiceNumber(series));
	}

	/**
	 * One line of an invoice.
	 *
	 * @param kind what it is
	 * @param quantity how many
	 * @param size photos in one (a pack's size; all the bib's photos for "all my photos")
	 * @param unitPrice the price of one, VAT included
	 * @param amount quantity × unit price, VAT included (negative for the cap)
	 * @param photoIds the photos it covers
	 */
	public record Line(LineKind kind, int quantity, int size, long unitPrice, long amount, List<UUID> photoIds) {

	}

	/**
	 * The kinds of invoice lines.
	 */
	public enum LineKind {

		/** Photos at the single price. */
		SINGLE,
		/** A pack of N photos. */
		PACK,
		/** All photos of one bib. */
		ALL_PHOTOS,
		/** Photos in web resolution. */
		WEB,
		/** Free photos (sponsored event). */
		FREE,
		/** What the per-runner cap took off the price. */
		CAP

	}

}

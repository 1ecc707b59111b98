package com.focusracer.shop;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;

import com.focusracer.events.EventManagement;
import com.focusracer.gallery.PhotoNumber;
import com.focusracer.mail.Outbox;
import com.focusracer.shared.SiteUrl;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The shop's e-mails, in the buyer's language, queued in the caller's transaction through
 * the outbox: an e-mail exists exactly when the order's move was committed.
 */
@Component
class ShopMails {

	private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private final Outbox outbox;

	private final MessageSource messages;

	private final EventManagement events;

	private final Downloads downloads;

	private final Invoices invoices;

	private final String baseUrl;

	ShopMails(Outbox outbox, MessageSource messages, EventManagement events, Downloads downloads, Invoices invoices,
			SiteUrl site) {
		this.outbox = outbox;
		this.messages = messages;
		this.events = events;
		this.downloads = downloads;
		this.invoices = invoices;
		this.baseUrl = site.root();
	}

	/**
	 * The order is paid: what was bought, line by line as on the invoice (a pack is one
	 * line), and a link per photo, each named by its number.
	 * @param order the order, paid
	 * @param invoice its invoice, or {@code null} for a free order
	 */
	void paid(Order order, Invoice invoice) {
		Locale locale = Locale.forLanguageTag(order.language());
		Downloads.Links links = this.downloads.links(order);
		String list = links.photos()
			.stream()
			.map((link) -> "- " + this.messages.getMessage("mail.orderPaid.line",
					new Object[] { this.messages.getMessage("shop.invoice.photos",
							new Object[] { 1, PhotoNumber.of(link.photoId()) }, locale), link.url() },
					locale))
			.collect(Collectors.joining("\n"));
		StringBuilder bought = new StringBuilder();
		for (Invoices.Line line : this.invoices.lines(order)) {
			bought.append("- ")
				.append(this.messages.getMessage("mail.orderPaid.line",
						new Object[] { this.invoices.designation(line, order, locale),
								Money.format(line.amount(), order.currency(), locale) },
						locale));
			String numbers = this.invoices.photoNumbers(line, locale);
			if (!numbers.isEmpty()) {
				bought.append("\n  ").append(numbers);
			}
			bought.append("\n");
		}
		if (invoice != null) {
			bought.append("\n")
				.append(this.messages.getMessage("mail.orderPaid.invoice", new Object[] { invoice.number() }, locale));
		}
		send(order, "mail.orderPaid", locale, eventName(order), order.shortId(), links.photos().size(),
				Money.format(order.amount(), order.currency(), locale),
				DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
					.withLocale(locale)
					.format(links.expiresAt().atZone(ZONE)),
				list, links.zipUrl(), orderUrl(order), bought.toString().strip());
	}

	void failed(Order order) {
		Locale locale = Locale.forLanguageTag(order.language());
		send(order, "mail.orderFailed", locale, eventName(order),
				Money.format(order.amount(), order.currency(), locale), orderUrl(order));
	}

	void refunded(Order order, long amount, boolean full) {
		Locale locale = Locale.forLanguageTag(order.language());
		send(order, full ? "mail.orderRefunded" : "mail.orderPartlyRefunded", locale, eventName(order),
				Money.format(amount, order.currency(), locale), orderUrl(order));
	}

	String orderUrl(Order order) {
		return this.baseUrl + "/orders/" + order.id() + "?key=" + this.downloads.orderKey(order.id());
	}

	private String eventName(Order order) {
		return this.events.get(order.eventId()).map((event) -> event.name()).orElse("Focus Racer");
	}

	private void send(Order order, String key, Locale locale, Object... arguments) {
		this.outbox.queue(order.email(), this.messages.getMessage(key + ".subject", arguments, locale),
				this.messages.getMessage(key + ".body", arguments, locale));
	}

}

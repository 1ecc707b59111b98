package com.focusracer.shop;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;

import com.focusracer.shared.SiteUrl;
import com.focusracer.events.EventManagement;
import com.focusracer.mail.Outbox;

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

	private final String baseUrl;

	ShopMails(Outbox outbox, MessageSource messages, EventManagement events, Downloads downloads, SiteUrl site) {
		this.outbox = outbox;
		this.messages = messages;
		this.events = events;
		this.downloads = downloads;
		this.baseUrl = site.root();
	}

	void paid(Order order) {
		Locale locale = Locale.forLanguageTag(order.language());
		Downloads.Links links = this.downloads.links(order);
		String list = links.photos()
			.stream()
			.map((link) -> "- " + this.downloads.soldFile(order, link.photoId()).name() + " : " + link.url())
			.collect(Collectors.joining("\n"));
		send(order, "mail.orderPaid", locale, eventName(order), order.shortId(), links.photos().size(),
				Money.format(order.amount(), order.currency(), locale),
				DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
					.withLocale(locale)
					.format(links.expiresAt().atZone(ZONE)),
				list, links.zipUrl(), orderUrl(order));
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

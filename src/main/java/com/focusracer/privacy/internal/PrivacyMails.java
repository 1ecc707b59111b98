package com.focusracer.privacy.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.focusracer.mail.Outbox;
import com.focusracer.privacy.PrivacyRequest;
import com.focusracer.shared.SiteUrl;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails about personal-data requests, in the requester's language.
 */
@Component
public class PrivacyMails {

	private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private final Outbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	PrivacyMails(Outbox outbox, MessageSource messages, SiteUrl site) {
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = site.root();
	}

	public void confirmation(String to, PrivacyRequest request, String secret) {
		Locale locale = locale(request);
		send(to, "privacy.mail.confirm", locale, this.baseUrl + "/privacy/request/confirm?token=" + secret,
				type(request, locale));
	}

	public void acknowledgement(PrivacyRequest request) {
		Locale locale = locale(request);
		send(request.email(), "privacy.mail.ack", locale, request.reference(), type(request, locale),
				date(request.dueAt(), locale), this.baseUrl + "/privacy/request");
	}

	public void extension(PrivacyRequest request, Instant dueAt, String reason) {
		Locale locale = locale(request);
		send(request.email(), "privacy.mail.extended", locale, request.reference(), date(dueAt, locale), reason);
	}

	public void refusal(PrivacyRequest request, String reason) {
		Locale locale = locale(request);
		send(request.email(), "privacy.mail.refused", locale, request.reference(), type(request, locale), reason);
	}

	public void done(PrivacyRequest request, String summary) {
		Locale locale = locale(request);
		send(request.email(), "privacy.mail.done", locale, request.reference(), type(request, locale), summary);
	}

	public void exportReady(PrivacyRequest request, String secret, Instant expiresAt) {
		Locale locale = locale(request);
		send(request.email(), "privacy.mail.export", locale, request.reference(),
				this.baseUrl + "/privacy/export/" + secret, date(expiresAt, locale));
	}

	private String type(PrivacyRequest request, Locale locale) {
		return this.messages.getMessage(request.type().labelKey(), null, locale);
	}

	private static String date(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(ZONE));
	}

	private static Locale locale(PrivacyRequest request) {
		return "en".equals(request.language()) ? Locale.ENGLISH : Locale.FRENCH;
	}

	private void send(String to, String key, Locale locale, Object... arguments) {
		this.outbox.queue(to, this.messages.getMessage(key + ".subject", arguments, locale),
				this.messages.getMessage(key + ".body", arguments, locale));
	}

}

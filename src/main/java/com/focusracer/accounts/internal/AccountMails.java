package com.focusracer.accounts.internal;

import java.time.Duration;
import java.util.Locale;

import com.focusracer.shared.SiteUrl;
import com.focusracer.mail.Outbox;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails about accounts, written in the recipient's language and stored in the
 * outbox.
 */
@Component
public class AccountMails {

	private final Outbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	AccountMails(Outbox outbox, MessageSource messages, SiteUrl site) {
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = site.root();
	}

	public void activation(String to, String name, String secret, Locale locale) {
		send(to, "mail.activation", locale, name, this.baseUrl + "/signup/confirm?token=" + secret);
	}

	public void signUpWithExistingAddress(String to, Locale locale) {
		send(to, "mail.existing", locale, this.baseUrl + "/login", this.baseUrl + "/password/forgot");
	}

	public void invitation(String to, String name, String secret, Duration validity, Locale locale) {
		send(to, "mail.invitation", locale, name, this.baseUrl + "/password/reset?token=" + secret, validity.toDays());
	}

	public void passwordReset(String to, String secret, Duration validity, Locale locale) {
		send(to, "mail.reset", locale, this.baseUrl + "/password/reset?token=" + secret, validity.toMinutes());
	}

	public void passwordChanged(String to, int revokedTokens, Locale locale) {
		send(to, (revokedTokens > 0) ? "mail.passwordChangedTokens" : "mail.passwordChanged", locale,
				this.baseUrl + "/password/forgot", revokedTokens);
	}

	public void emailChange(String to, String secret, Locale locale) {
		send(to, "mail.emailChange", locale, this.baseUrl + "/settings/email/confirm?token=" + secret);
	}

	public void emailChangedNotice(String oldAddress, String newAddress, Locale locale) {
		send(oldAddress, "mail.emailChanged", locale, newAddress);
	}

	private void send(String to, String key, Locale locale, Object... arguments) {
		String subject = this.messages.getMessage(key + ".subject", arguments, locale);
		String body = this.messages.getMessage(key + ".body", arguments, locale);
		this.outbox.queue(to, subject, body);
	}

}

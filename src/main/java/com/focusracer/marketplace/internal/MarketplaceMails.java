package com.focusracer.marketplace.internal;

import java.util.Locale;
import java.util.UUID;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.mail.Outbox;
import com.focusracer.shared.SiteUrl;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The marketplace's e-mails, through the outbox (in the caller's transaction), in each
 * recipient's language.
 */
@Component
public class MarketplaceMails {

	private final Outbox outbox;

	private final AccountManagement accounts;

	private final MessageSource messages;

	private final SiteUrl site;

	MarketplaceMails(Outbox outbox, AccountManagement accounts, MessageSource messages, SiteUrl site) {
		this.outbox = outbox;
		this.accounts = accounts;
		this.messages = messages;
		this.site = site;
	}

	/**
	 * Tells an account something: {@code <key>.subject} and {@code <key>.body}, whose
	 * last argument is the link to the marketplace space.
	 * @param accountId the recipient
	 * @param key the messages' key
	 * @param arguments the texts' arguments
	 */
	public void tell(UUID accountId, String key, Object... arguments) {
		Account account = this.accounts.find(accountId).orElse(null);
		if (account == null || !account.enabled()) {
			return;
		}
		Locale locale = Locale.forLanguageTag((account.locale() != null) ? account.locale() : "fr");
		Object[] withLink = java.util.Arrays.copyOf(arguments, arguments.length + 1);
		withLink[arguments.length] = this.site.root() + "/pro/marketplace";
		this.outbox.queue(account.email(), this.messages.getMessage(key + ".subject", arguments, locale),
				this.messages.getMessage(key + ".body", withLink, locale));
	}

}

package com.focusracer.privacy.internal;

import java.io.IOException;
import java.util.List;

import com.focusracer.mail.Outbox;
import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The e-mails sent to a person, through the outbox's facade (the mail module depends on
 * nothing, so it cannot implement the privacy interfaces itself): exported with their
 * links' secrets masked, deleted on erasure; one still waiting to be sent (the notice
 * that the erasure is done) goes once it is sent.
 */
@Component
@Order(50)
class MailboxPersonalData implements PersonalData {

	private final Outbox outbox;

	MailboxPersonalData(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public String part() {
		return "mail";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		export.table("e-mails", this.outbox.sentTo(person.email()));
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (!erasure.everything()) {
			return List.of();
		}
		int[] forgotten = this.outbox.forget(erasure.person().email());
		return List.of(new Erased("e-mails deleted", forgotten[0]),
				new Erased("e-mails deleted once sent", forgotten[1]));
	}

}

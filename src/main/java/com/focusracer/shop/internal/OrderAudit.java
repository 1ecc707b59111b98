package com.focusracer.shop.internal;

import java.util.Locale;

import com.focusracer.privacy.AuditLog;
import com.focusracer.shop.Money;
import com.focusracer.shop.OrderPaid;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An order paid goes into the audit log, in the payment's own transaction (the event is
 * published while the order is marked paid): the payment and its line commit together.
 */
@Component
class OrderAudit {

	private final AuditLog audit;

	OrderAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void paid(OrderPaid paid) {
		this.audit.record(null, "system", "order.paid", "order", paid.orderId().toString(), paid.eventId(),
				Money.format(paid.amount(), paid.currency(), Locale.FRENCH));
	}

}

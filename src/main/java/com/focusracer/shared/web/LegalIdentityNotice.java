package com.focusracer.shared.web;

import java.util.List;

import com.focusracer.shared.LegalProperties;

import org.springframework.stereotype.Component;

/**
 * Tells the admins when the legal notice, the terms of sale and the invoices still name
 * the demo company.
 */
@Component
class LegalIdentityNotice implements AdminNotice {

	private final LegalProperties legal;

	LegalIdentityNotice(LegalProperties legal) {
		this.legal = legal;
	}

	@Override
	public List<String> messageKeys() {
		return this.legal.demoIdentity() ? List.of("admin.notice.legalDemo") : List.of();
	}

}

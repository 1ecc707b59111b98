package com.focusracer.shop.web;

import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.shop.AgreedFees;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer marks a fixed fee they owe as paid (paid by hand, outside the platform).
 */
@Controller
class AgreedFeePages {

	private final AgreedFees fees;

	private final org.springframework.context.MessageSource messages;

	AgreedFeePages(AgreedFees fees, org.springframework.context.MessageSource messages) {
		this.fees = fees;
		this.messages = messages;
	}

	@PostMapping("/pro/payouts/fees/paid")
	String markPaid(@AuthenticationPrincipal AccountPrincipal pro, @RequestParam(required = false) UUID fee,
			java.util.Locale locale, RedirectAttributes redirect) {
		if (fee == null) {
			return "redirect:/pro/payouts";
		}
		this.fees.markPaid(fee, pro.id());
		redirect.addFlashAttribute("notice", this.messages.getMessage("shop.fees.paid", null, locale));
		return "redirect:/pro/payouts";
	}

}

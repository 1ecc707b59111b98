package com.focusracer.shop.web;

import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shop.AgreedFees;
import com.focusracer.shop.FeeTransfers;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer marks a fixed fee they owe as paid (paid by hand, outside the platform),
 * or pays it through Stripe Connect when both pros onboarded.
 */
@Controller
class AgreedFeePages {

	private final AgreedFees fees;

	private final org.springframework.context.MessageSource messages;

	private final FeeTransfers transfers;

	private final RateLimits limits;

	AgreedFeePages(AgreedFees fees, org.springframework.context.MessageSource messages, FeeTransfers transfers,
			RateLimits limits) {
		this.fees = fees;
		this.messages = messages;
		this.transfers = transfers;
		this.limits = limits;
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

	@PostMapping("/pro/payouts/fees/stripe")
	String payThroughStripe(@AuthenticationPrincipal AccountPrincipal pro, @RequestParam(required = false) UUID fee,
			java.util.Locale locale, RedirectAttributes redirect) {
		if (fee == null) {
			return "redirect:/pro/payouts";
		}
		// Each click may ask Stripe for a transfer: limited like other marketplace
		// actions.
		this.limits.acquire(RateLimit.MARKETPLACE, "fee:" + pro.id());
		try {
			boolean paid = this.transfers.pay(fee, pro.id());
			redirect.addFlashAttribute("notice",
					this.messages.getMessage(paid ? "shop.fees.stripePaid" : "shop.fees.stripePending", null, locale));
		}
		catch (UserMistakeException ex) {
			// Not both onboarded: it stays owed, to be marked paid by hand.
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/pro/payouts";
	}

}

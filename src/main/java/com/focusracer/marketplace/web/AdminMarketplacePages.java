package com.focusracer.marketplace.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.marketplace.Reviews;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' moderation of marketplace reviews: the reports not handled yet, each one
 * settled by hiding the review or keeping it, with a reason (audited).
 */
@Controller
class AdminMarketplacePages {

	private final Reviews reviews;

	private final MessageSource messages;

	AdminMarketplacePages(Reviews reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	@GetMapping("/admin/marketplace")
	ModelAndView reports() {
		return new ModelAndView("marketplace/admin", Map.of("reports", this.reviews.openReports()));
	}

	@PostMapping("/admin/marketplace/reports/{id}")
	String settle(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.reviews.moderate(admin, id, "hide".equals(decision), reason);
			redirect.addFlashAttribute("notice", this.messages.getMessage("marketplace.admin.done", null, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/admin/marketplace";
	}

}

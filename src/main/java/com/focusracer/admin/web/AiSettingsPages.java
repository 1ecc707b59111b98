package com.focusracer.admin.web;

import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.photos.PhotoActions;
import com.focusracer.recognition.AiSettings;
import com.focusracer.recognition.RecognitionSettings;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform's AI settings (bib confidence thresholds, face features allowed, the
 * recognition provider) and re-processing an event after a change; each change is audited
 * with before and after.
 */
@Controller
class AiSettingsPages {

	private final RecognitionSettings settings;

	private final PhotoActions photos;

	private final MessageSource messages;

	AiSettingsPages(RecognitionSettings settings, PhotoActions photos, MessageSource messages) {
		this.settings = settings;
		this.photos = photos;
		this.messages = messages;
	}

	@GetMapping("/admin/ai")
	ModelAndView page() {
		return new ModelAndView("admin/ai", Map.of("current", this.settings.current(), "defaults",
				this.settings.defaults(), "awsConfigured", this.settings.awsConfigured()));
	}

	@PostMapping("/admin/ai")
	String change(@AuthenticationPrincipal AccountPrincipal admin, @RequestParam double minimumConfidence,
			@RequestParam double startListConfidence, @RequestParam(defaultValue = "false") boolean faceFeaturesAllowed,
			@RequestParam(defaultValue = "local") String provider, RedirectAttributes redirect) {
		try {
			this.settings.change(admin,
					new AiSettings(minimumConfidence, startListConfidence, faceFeaturesAllowed, provider));
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("ai.saved", null, LocaleContextHolder.getLocale()));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/admin/ai";
	}

	@PostMapping("/admin/events/{id}/reprocess")
	String reprocess(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id,
			RedirectAttributes redirect) {
		int scheduled = this.photos.reprocessForAdmins(id, admin.id());
		redirect.addFlashAttribute("notice", this.messages.getMessage("recognition.reprocessing",
				new Object[] { scheduled }, LocaleContextHolder.getLocale()));
		return "redirect:/admin/events/" + id;
	}

}

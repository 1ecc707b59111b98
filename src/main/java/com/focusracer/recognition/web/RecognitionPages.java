package com.focusracer.recognition.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.photos.PhotoActions;
import com.focusracer.recognition.BibCorrections;
import com.focusracer.recognition.Coverage;
import com.focusracer.recognition.EventCoverage;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team's recognition actions: correct a photo's bibs from its viewer, re-process an
 * event, and the event page's live coverage figures.
 */
@Controller
class RecognitionPages {

	private final BibCorrections corrections;

	private final EventCoverage coverage;

	private final PhotoActions photos;

	private final MessageSource messages;

	RecognitionPages(BibCorrections corrections, EventCoverage coverage, PhotoActions photos, MessageSource messages) {
		this.corrections = corrections;
		this.coverage = coverage;
		this.photos = photos;
		this.messages = messages;
	}

	@PostMapping("/pro/photos/{id}/bibs")
	String correct(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String bibs, RedirectAttributes redirect) {
		List<String> list = Arrays.stream(bibs.split("[\\s,;]+")).filter((bib) -> !bib.isBlank()).toList();
		try {
			this.corrections.correctBibs(id, principal.id(), list);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("recognition.bibsSaved", null, LocaleContextHolder.getLocale()));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/pro/photos/" + id;
	}

	@PostMapping("/pro/events/{id}/reprocess")
	String reprocess(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			RedirectAttributes redirect) {
		int scheduled = this.photos.reprocess(id, principal.id());
		redirect.addFlashAttribute("notice", this.messages.getMessage("recognition.reprocessing",
				new Object[] { scheduled }, LocaleContextHolder.getLocale()));
		return "redirect:/pro/events/" + id;
	}

	/**
	 * A browser opening the figures' address gets the event page, where they are shown
	 * (the page's script asks for JSON).
	 */
	@GetMapping(path = "/pro/events/{id}/coverage", produces = org.springframework.http.MediaType.TEXT_HTML_VALUE)
	String coveragePage(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		this.coverage.of(id, principal.id());
		return "redirect:/pro/events/" + id + "#coverage";
	}

	@GetMapping("/pro/events/{id}/coverage")
	@ResponseBody
	Map<String, Object> coverage(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		Coverage c = this.coverage.of(id, principal.id());
		return Map.of("publishedPhotos", c.publishedPhotos(), "linkedPhotos", c.linkedPhotos(), "orphans", c.orphans(),
				"runners", c.runners(), "runnersWithPhotos", c.runnersWithPhotos(), "photoShare",
				Math.round(c.photoShare() * 1000) / 10.0, "runnerShare", Math.round(c.runnerShare() * 1000) / 10.0);
	}

}

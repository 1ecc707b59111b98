package com.focusracer.recognition.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.photos.PhotoActions;
import com.focusracer.recognition.BibCorrections;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.recognition.CoverageBoard;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team's recognition actions: correct a photo's bibs from its viewer, re-process an
 * event, the event page's live coverage figures and the race-day coverage board.
 */
@Controller
class RecognitionPages {

	private final BibCorrections corrections;

	private final EventCoverage coverage;

	private final PhotoActions photos;

	private final MessageSource messages;

	private final EventManagement events;

	RecognitionPages(BibCorrections corrections, EventCoverage coverage, PhotoActions photos, MessageSource messages,
			EventManagement events) {
		this.events = events;
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
	 * The race-day coverage board: who has no photo yet, by category, and the photos
	 * linked to nobody; its script follows {@code /coverage/live}.
	 */
	@GetMapping(path = "/pro/events/{id}/coverage", produces = org.springframework.http.MediaType.TEXT_HTML_VALUE)
	ModelAndView coveragePage(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		CoverageBoard board = this.coverage.board(id, principal.id());
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		return new ModelAndView("recognition/coverage", Map.of("event", event, "board", board));
	}

	@GetMapping("/pro/events/{id}/coverage")
	@ResponseBody
	Map<String, Object> coverage(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		return CoverageFigures.of(this.coverage.of(id, principal.id()));
	}

}

package com.focusracer.privacy.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonDirectory;
import com.focusracer.privacy.PrivacyErasures;
import com.focusracer.privacy.PrivacyExports;
import com.focusracer.privacy.PrivacyRegister;
import com.focusracer.privacy.RequestStatus;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register of personal-data requests (admins): deadlines, extensions, what was done,
 * answers and refusals, the CSV export.
 */
@Controller
class PrivacyAdminPages {

	private static final int REGISTER_PAGE = 500;

	private final PrivacyRegister register;

	private final PersonDirectory people;

	private final PrivacyExports exports;

	private final PrivacyErasures erasures;

	private final com.focusracer.privacy.RetentionSweep retention;

	private final MessageSource messages;

	private final java.time.Clock clock;

	PrivacyAdminPages(PrivacyRegister register, PersonDirectory people, PrivacyExports exports,
			PrivacyErasures erasures, com.focusracer.privacy.RetentionSweep retention, MessageSource messages,
			java.time.Clock clock) {
		this.retention = retention;
		this.erasures = erasures;
		this.exports = exports;
		this.clock = clock;
		this.register = register;
		this.people = people;
		this.messages = messages;
	}

	@GetMapping("/admin/privacy")
	ModelAndView list(@RequestParam(required = false) RequestStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("requests", this.register.list(status, REGISTER_PAGE));
		model.put("deadlines", this.register.deadlines());
		model.put("status", (status != null) ? status.name() : "");
		model.put("retention", this.retention.latest(5));
		model.put("now", this.clock.instant());
		return new ModelAndView("privacy/admin-register", model);
	}

	@GetMapping("/admin/privacy/{id}")
	ModelAndView show(@PathVariable UUID id) {
		Map<String, Object> model = new HashMap<>();
		try {
			model.put("request", this.register.get(id));
		}
		catch (UserMistakeException ex) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		model.put("steps", this.register.steps(id));
		model.put("now", this.clock.instant());
		return new ModelAndView("privacy/admin-request", model);
	}

	@PostMapping("/admin/privacy/{id}/extend")
	String extend(Authentication admin, @PathVariable UUID id, @RequestParam(defaultValue = "0") int months,
			@RequestParam(defaultValue = "") String reason, Locale locale, RedirectAttributes redirect) {
		return run(id, () -> this.register.extend(id, months, reason, operator(admin)), "privacy.admin.extended",
				locale, redirect);
	}

	@PostMapping("/admin/privacy/{id}/action")
	String action(Authentication admin, @PathVariable UUID id, @RequestParam(defaultValue = "") String part,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "0") long rows, Locale locale,
			RedirectAttributes redirect) {
		return run(id, () -> this.register.recordAction(id, part, action, rows, operator(admin)),
				"privacy.admin.recorded", locale, redirect);
	}

	@PostMapping("/admin/privacy/{id}/answer")
	String answer(Authentication admin, @PathVariable UUID id, @RequestParam(defaultValue = "") String format,
			@RequestParam(defaultValue = "") String summary, Locale locale, RedirectAttributes redirect) {
		return run(id, () -> this.register.answer(id, format, summary, operator(admin)), "privacy.admin.answered",
				locale, redirect);
	}

	@PostMapping("/admin/privacy/{id}/refuse")
	String refuse(Authentication admin, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			Locale locale, RedirectAttributes redirect) {
		return run(id, () -> this.register.refuse(id, reason, operator(admin)), "privacy.admin.refused", locale,
				redirect);
	}

	@PostMapping("/admin/privacy/{id}/export")
	String sendExport(Authentication admin, @PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
		return run(id, () -> this.exports.sendLink(id, operator(admin)), "privacy.admin.exportSent", locale, redirect);
	}

	@PostMapping("/admin/privacy/{id}/erase")
	String erase(Authentication admin, @PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
		return run(id, () -> this.erasures.start(id, operator(admin)), "privacy.admin.erasureDone", locale, redirect);
	}

	@PostMapping("/admin/privacy/retention")
	String runRetention(Locale locale, RedirectAttributes redirect) {
		this.retention.run();
		redirect.addFlashAttribute("notice", this.messages.getMessage("privacy.retention.done", null, locale));
		return "redirect:/admin/privacy";
	}

	@GetMapping("/admin/privacy.csv")
	void csv(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"privacy-register.csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.register.writeCsv(out);
	}

	private String run(UUID id, Runnable action, String doneKey, Locale locale, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", this.messages.getMessage(doneKey, null, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/admin/privacy/" + id;
	}

	Person operator(Authentication admin) {
		return this.people.byEmail(admin.getName()).orElseThrow();
	}

}

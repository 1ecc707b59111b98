package com.focusracer.admin.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountException;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.admin.AccountAdministration;
import com.focusracer.analytics.Dashboard;
import com.focusracer.analytics.Formats;
import com.focusracer.analytics.Period;
import com.focusracer.analytics.StatisticsCsv;
import com.focusracer.mail.Outbox;
import com.focusracer.privacy.AuditLog;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PrivacyErasures;
import com.focusracer.privacy.PrivacyRegister;
import com.focusracer.shared.web.AdminNotice;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin space: accounts, audit log and the e-mail outbox.
 */
@Controller
class AdminPages {

	private static final int PAGE_SIZE = 50;

	private final AccountManagement accounts;

	private final AccountAdministration administration;

	private final AuditLog audit;

	private final Outbox outbox;

	private final MessageSource messages;

	private final List<AdminNotice> notices;

	private final PrivacyRegister privacy;

	private final PrivacyErasures erasures;

	private final Dashboard dashboard;

	private final Clock clock;

	AdminPages(AccountManagement accounts, AccountAdministration administration, AuditLog audit, Outbox outbox,
			MessageSource messages, List<AdminNotice> notices, PrivacyRegister privacy, PrivacyErasures erasures,
			Dashboard dashboard, Clock clock) {
		this.dashboard = dashboard;
		this.clock = clock;
		this.erasures = erasures;
		this.privacy = privacy;
		this.accounts = accounts;
		this.administration = administration;
		this.audit = audit;
		this.outbox = outbox;
		this.messages = messages;
		this.notices = notices;
	}

	@GetMapping("/admin")
	ModelAndView home(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("dashboard", this.dashboard.figures(period(period, from, to), locale));
		model.put("formats", new Formats(locale));
		model.put("accountCount", this.accounts.count(null, null));
		model.put("proCount", this.accounts.count(null, Role.PRO));
		model.put("runnerCount", this.accounts.count(null, Role.RUNNER));
		model.put("recent", this.audit.latest(null, 10, 0));
		model.put("privacyDeadlines", this.privacy.deadlines());
		model.put("notices", this.notices.stream().flatMap((notice) -> notice.messageKeys().stream()).toList());
		return new ModelAndView("admin/home", model);
	}

	/**
	 * The dashboard's figures as CSV, written to the response as they are produced.
	 */
	@GetMapping(path = "/admin/dashboard.csv", produces = "text/csv")
	void dashboardCsv(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Locale locale, HttpServletResponse response) throws IOException {
		Dashboard.Figures figures = this.dashboard.figures(period(period, from, to), locale);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"dashboard-" + figures.period().from() + "-" + figures.period().to() + ".csv\"");
		new StatisticsCsv(response.getWriter()).dashboard(figures);
	}

	private Period period(String period, String from, String to) {
		return Period.of(period, from, to, LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Europe/Paris")));
	}

	@GetMapping("/admin/accounts")
	ModelAndView accounts(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
			@RequestParam(defaultValue = "0") int page) {
		int current = Math.max(0, page);
		Map<String, Object> model = new HashMap<>();
		model.put("accounts", this.accounts.search(q, role, PAGE_SIZE, current * PAGE_SIZE));
		model.put("total", this.accounts.count(q, role));
		model.put("q", q);
		model.put("role", (role != null) ? role.name() : "");
		model.put("page", current);
		model.put("pageSize", PAGE_SIZE);
		return new ModelAndView("admin/accounts", model);
	}

	@GetMapping("/admin/accounts/new")
	ModelAndView newAccount() {
		return new ModelAndView("admin/account-new");
	}

	@PostMapping("/admin/accounts")
	ModelAndView createAccount(@AuthenticationPrincipal AccountPrincipal admin,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "PHOTOGRAPHER") String role, Locale locale, RedirectAttributes redirect) {
		try {
			this.administration.createProAccount(admin, email, name, roleOf(role), ProProfile.of(role).orElse(null),
					locale);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("admin.accounts.created", new Object[] { email }, locale));
			return new ModelAndView("redirect:/admin/accounts");
		}
		catch (AccountException ex) {
			Map<String, Object> model = new HashMap<>();
			model.put("error", ex.describe(this.messages, locale));
			model.put("email", email);
			model.put("name", name);
			return new ModelAndView("admin/account-new", model, HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	@PostMapping("/admin/accounts/{id}/enabled")
	String setEnabled(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id,
			@RequestParam boolean enabled, Locale locale, RedirectAttributes redirect) {
		run(() -> this.administration.setEnabled(admin, id, enabled), locale, redirect);
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/role")
	String changeRole(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id, @RequestParam String role,
			Locale locale, RedirectAttributes redirect) {
		run(() -> this.administration.changeRole(admin, id, roleOf(role), ProProfile.of(role).orElse(null)), locale,
				redirect);
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/sessions")
	String endSessions(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id, Locale locale,
			RedirectAttributes redirect) {
		run(() -> this.administration.endAllSessions(admin, id), locale, redirect);
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/delete")
	String delete(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id, Locale locale,
			RedirectAttributes redirect) {
		try {
			String email = this.accounts.find(id)
				.orElseThrow(() -> new AccountException("admin.accounts.notFound"))
				.email();
			String reference = this.erasures
				.deleteAccountAsAdmin(email, new Person(admin.id(), admin.email(), admin.displayName(), "fr"))
				.reference();
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("admin.accounts.deleted", new Object[] { reference }, locale));
		}
		catch (AccountException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		catch (com.focusracer.shared.UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/admin/accounts";
	}

	@GetMapping("/admin/audit")
	ModelAndView auditLog(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String account,
			@RequestParam(defaultValue = "") String event, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "0") int page) {
		int current = Math.max(0, page);
		UUID eventId = null;
		try {
			eventId = event.isBlank() ? null : UUID.fromString(event.strip());
		}
		catch (IllegalArgumentException ex) {
			// not an event id: the filter shows nothing rather than everything
			eventId = new UUID(0, 0);
		}
		AuditLog.Query query = new AuditLog.Query(q, account, eventId, action);
		Map<String, Object> model = new HashMap<>();
		model.put("entries", this.audit.find(query, PAGE_SIZE, current * PAGE_SIZE));
		model.put("q", q);
		model.put("account", account);
		model.put("event", event);
		model.put("action", action);
		model.put("actions", this.audit.actions());
		model.put("page", current);
		model.put("pageSize", PAGE_SIZE);
		return new ModelAndView("admin/audit", model);
	}

	@GetMapping("/admin/mail")
	ModelAndView mail(@RequestParam(defaultValue = "") String q) {
		return new ModelAndView("admin/mail", Map.of("mails", this.outbox.latest(q, 100), "q", q));
	}

	@GetMapping("/admin/mail/{id}")
	ModelAndView mailMessage(@PathVariable UUID id) {
		return this.outbox.find(id).map((mail) -> {
			Map<String, Object> model = new HashMap<>();
			model.put("mail", mail);
			model.put("body", this.outbox.bodyForAdmins(mail));
			model.put("retentionDays", this.outbox.bodyRetention().toDays());
			return new ModelAndView("admin/mail-message", model);
		}).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * The account forms offer one list: runner, each kind of pro, admin. A kind of pro
	 * means the pro role with that profile.
	 */
	private static Role roleOf(String value) {
		if (ProProfile.of(value).isPresent()) {
			return Role.PRO;
		}
		try {
			return Role.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw new AccountException("admin.accounts.unknownRole", value);
		}
	}

	private void run(Runnable action, Locale locale, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", this.messages.getMessage("admin.accounts.updated", null, locale));
		}
		catch (AccountException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
	}

}

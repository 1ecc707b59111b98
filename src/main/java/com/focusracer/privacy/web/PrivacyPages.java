package com.focusracer.privacy.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonDirectory;
import com.focusracer.privacy.PrivacyExports;
import com.focusracer.privacy.PrivacyRequest;
import com.focusracer.privacy.PrivacyRequests;
import com.focusracer.privacy.RequestType;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Filing personal-data requests: from the account (runners and pros) and from a public
 * page for guests, who prove their address by a link sent to it. Each filing sends an
 * e-mail, so both are rate-limited.
 */
@Controller
class PrivacyPages {

	private final PrivacyRequests requests;

	private final PersonDirectory people;

	private final PrivacyExports exports;

	private final com.focusracer.privacy.PrivacyErasures erasures;

	private final RateLimits limits;

	private final MessageSource messages;

	PrivacyPages(PrivacyRequests requests, PersonDirectory people, PrivacyExports exports, RateLimits limits,
			MessageSource messages, com.focusracer.privacy.PrivacyErasures erasures) {
		this.erasures = erasures;
		this.exports = exports;
		this.requests = requests;
		this.people = people;
		this.limits = limits;
		this.messages = messages;
	}

	@GetMapping("/account/privacy")
	ModelAndView account(Authentication authentication) {
		return accountPage(signedIn(authentication), new HashMap<>(), HttpStatus.OK);
	}

	@PostMapping("/account/privacy")
	ModelAndView file(Authentication authentication, @RequestParam(required = false) RequestType type,
			@RequestParam(defaultValue = "") String details, @RequestParam(defaultValue = "") String links,
			Locale locale, RedirectAttributes redirect) {
		Person person = signedIn(authentication);
		this.limits.acquire(RateLimit.PRIVACY_REQUEST, person.accountId().toString());
		try {
			PrivacyRequest request = this.requests.fileSignedIn(person, type, details, links, locale);
			redirect.addFlashAttribute("notice", this.messages.getMessage("privacy.filed",
					new Object[] { request.reference(), person.email() }, locale));
			return new ModelAndView("redirect:/account/privacy");
		}
		catch (UserMistakeException ex) {
			Map<String, Object> model = form(type, details, links);
			model.put("error", ex.describe(this.messages, locale));
			return accountPage(person, model, HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	@PostMapping("/account/privacy/delete")
	ModelAndView deleteAccount(Authentication authentication, @RequestParam(defaultValue = "") String password,
			Locale locale, HttpServletRequest servletRequest) {
		Person person = signedIn(authentication);
		// Each try checks a password: as limited as any other request.
		this.limits.acquire(RateLimit.PRIVACY_REQUEST, person.accountId().toString());
		try {
			this.erasures.deleteOwnAccount(person, password);
		}
		catch (UserMistakeException ex) {
			Map<String, Object> model = form(null, "", "");
			model.put("deleteError", ex.describe(this.messages, locale));
			return accountPage(person, model, HttpStatus.UNPROCESSABLE_ENTITY);
		}
		jakarta.servlet.http.HttpSession session = servletRequest.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
		return new ModelAndView("auth/message", Map.of("titleKey", "privacy.deleted.title", "textKey",
				"privacy.deleted.text", "id", "account-deleted"));
	}

	@GetMapping("/privacy/request")
	ModelAndView guestForm() {
		return new ModelAndView("privacy/request", form(null, "", ""));
	}

	@PostMapping("/privacy/request")
	ModelAndView fileAsGuest(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) RequestType type,
			@RequestParam(defaultValue = "") String details, @RequestParam(defaultValue = "") String links,
			Locale locale, HttpServletRequest servletRequest) {
		this.limits.acquire(RateLimit.PRIVACY_REQUEST, servletRequest.getRemoteAddr());
		try {
			this.requests.fileAsGuest(email, name, type, details, links, locale);
			return new ModelAndView("auth/message", Map.of("titleKey", "privacy.guest.sent.title", "textKey",
					"privacy.guest.sent.text", "id", "privacy-request-sent"));
		}
		catch (UserMistakeException ex) {
			Map<String, Object> model = form(type, details, links);
			model.put("email", email);
			model.put("name", name);
			model.put("error", ex.describe(this.messages, locale));
			return new ModelAndView("privacy/request", model, HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	@GetMapping("/privacy/request/confirm")
	ModelAndView confirm(@RequestParam(defaultValue = "") String token) {
		return this.requests.confirm(token)
			.map((request) -> new ModelAndView("privacy/confirmed", Map.of("request", request)))
			.orElseGet(
					() -> new ModelAndView(
							"auth/message", Map.of("titleKey", "privacy.guest.invalid.title", "textKey",
									"privacy.guest.invalid.text", "id", "privacy-request-invalid"),
							HttpStatus.NOT_FOUND));
	}

	@GetMapping("/privacy/export/{token}")
	ModelAndView export(@PathVariable("token") String secret, HttpServletResponse response) throws IOException {
		Optional<PrivacyRequest> claimed = this.exports.claim(secret);
		if (claimed.isEmpty()) {
			return new ModelAndView("auth/message", Map.of("titleKey", "privacy.export.invalid.title", "textKey",
					"privacy.export.invalid.text", "id", "privacy-export-invalid"), HttpStatus.NOT_FOUND);
		}
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"focus-racer-" + claimed.get().reference() + ".zip\"");
		response.setHeader("Cache-Control", "no-store");
		this.exports.write(claimed.get(), response.getOutputStream());
		return null;
	}

	private ModelAndView accountPage(Person person, Map<String, Object> model, HttpStatus status) {
		model.putIfAbsent("type", "");
		model.putIfAbsent("details", "");
		model.putIfAbsent("links", "");
		model.put("requests", this.requests.ofAccount(person.accountId()));
		model.put("email", person.email());
		return new ModelAndView("privacy/account", model, status);
	}

	private static Map<String, Object> form(RequestType type, String details, String links) {
		Map<String, Object> model = new HashMap<>();
		model.put("type", (type != null) ? type.name() : "");
		model.put("details", details);
		model.put("links", links);
		return model;
	}

	private Person signedIn(Authentication authentication) {
		return this.people.byEmail(authentication.getName()).orElseThrow();
	}

}

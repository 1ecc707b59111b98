package com.focusracer.accounts.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.accounts.AccountException;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.accounts.internal.SignIn;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Login, sign-up and password-reset pages. Sign-ups and reset requests send e-mails: both
 * are rate-limited per client address.
 */
@Controller
class AuthPages {

	private final AccountManagement accounts;

	private final MessageSource messages;

	private final SignIn signIn;

	private final RateLimits limits;

	AuthPages(AccountManagement accounts, MessageSource messages, SignIn signIn, RateLimits limits) {
		this.accounts = accounts;
		this.messages = messages;
		this.signIn = signIn;
		this.limits = limits;
	}

	@GetMapping("/login")
	ModelAndView login(HttpServletRequest request, Locale locale) {
		String error = null;
		String notice = null;
		if (request.getParameterMap().containsKey("error")) {
			error = text("login.error.bad", locale);
		}
		else if (request.getParameterMap().containsKey("disabled")) {
			error = text("login.error.disabled", locale);
		}
		else if (request.getParameterMap().containsKey("unconfirmed")) {
			error = text("login.error.unconfirmed", locale);
		}
		else if (request.getParameterMap().containsKey("reset")) {
			int revoked = revokedTokens(request.getParameter("reset"));
			notice = (revoked > 0) ? this.messages.getMessage("reset.doneTokens", new Object[] { revoked }, locale)
					: text("reset.done", locale);
		}
		else if (request.getParameterMap().containsKey("emailChanged")) {
			notice = text("settings.email.changed", locale);
		}
		Map<String, Object> model = new java.util.HashMap<>();
		model.put("error", error);
		model.put("notice", notice);
		return new ModelAndView("auth/login", model);
	}

	@GetMapping("/signup")
	String signUpForm() {
		return "auth/signup";
	}

	@PostMapping("/signup")
	ModelAndView signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "RUNNER") String kind,
			@RequestParam(required = false) String profile, @RequestParam(defaultValue = "false") boolean terms,
			Locale locale, HttpServletRequest request) {
		// Each sign-up sends an e-mail: counted per address before anything is checked.
		this.limits.acquire(RateLimit.SIGN_UP, request.getRemoteAddr());
		Role role = "PRO".equals(kind) ? Role.PRO : Role.RUNNER;
		ProProfile chosen = (role == Role.PRO) ? ProProfile.of(profile).orElse(ProProfile.PHOTOGRAPHER) : null;
		if (!terms) {
			return new ModelAndView("auth/signup",
					Map.of("error", this.messages.getMessage("signup.termsRequired", null, locale), "email", email,
							"name", name, "kind", (chosen == null) ? "RUNNER" : chosen.name()),
					HttpStatus.UNPROCESSABLE_ENTITY);
		}
		try {
			this.accounts.signUp(email, name, password, role, chosen, locale);
			return message("signup.sent.title", "signup.sent.text", "signup-sent");
		}
		catch (AccountException ex) {
			return new ModelAndView("auth/signup", Map.of("error", text(ex, locale), "email", email, "name", name,
					"kind", (chosen == null) ? "RUNNER" : chosen.name()), HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	/**
	 * The link from the sign-up e-mail: confirms the address and signs the new account
	 * in.
	 * @param token the link's secret
	 * @param request the request
	 * @param response the response
	 * @return the account's space, or a page saying the link no longer works
	 */
	@GetMapping("/signup/confirm")
	ModelAndView confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response) {
		return this.accounts.confirmSignUp(token).map((account) -> {
			this.signIn.signIn(account, request, response);
			return new ModelAndView("redirect:" + account.role().landingPath() + "?welcome");
		}).orElseGet(() -> message("signup.invalid.title", "signup.invalid.text", "signup-invalid"));
	}

	@GetMapping("/password/forgot")
	String forgotForm() {
		return "auth/forgot";
	}

	@PostMapping("/password/forgot")
	ModelAndView forgot(@RequestParam(defaultValue = "") String email, Locale locale, HttpServletRequest request) {
		this.limits.acquire(RateLimit.PASSWORD_RESET, request.getRemoteAddr());
		this.accounts.requestPasswordReset(email, locale);
		return message("forgot.sent.title", "forgot.sent.text", "forgot-sent");
	}

	@GetMapping("/password/reset")
	ModelAndView resetForm(@RequestParam(defaultValue = "") String token) {
		if (!this.accounts.isPasswordResetLinkValid(token)) {
			return message("reset.invalid.title", "reset.invalid.text", "reset-invalid");
		}
		return new ModelAndView("auth/reset", Map.of("token", token));
	}

	@PostMapping("/password/reset")
	ModelAndView reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			Locale locale) {
		try {
			return this.accounts.resetPassword(token, password)
				.map((changed) -> new ModelAndView("redirect:/login?reset=" + changed.revokedTokens()))
				.orElseGet(() -> message("reset.invalid.title", "reset.invalid.text", "reset-invalid"));
		}
		catch (AccountException ex) {
			return new ModelAndView("auth/reset", Map.of("token", token, "error", text(ex, locale)),
					HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	private static int revokedTokens(String value) {
		try {
			return (value != null && !value.isBlank()) ? Integer.parseInt(value.strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static ModelAndView message(String titleKey, String textKey, String id) {
		return new ModelAndView("auth/message", Map.of("titleKey", titleKey, "textKey", textKey, "id", id));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private String text(AccountException ex, Locale locale) {
		return ex.describe(this.messages, locale);
	}

}

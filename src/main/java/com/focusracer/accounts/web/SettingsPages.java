package com.focusracer.accounts.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.accounts.AccountException;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.accounts.PasswordChanged;
import com.focusracer.accounts.internal.SignIn;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Password and e-mail changes, for every signed-in account; both ask for the current
 * password.
 */
@Controller
class SettingsPages {

	private final AccountManagement accounts;

	private final MessageSource messages;

	private final SignIn signIn;

	private final com.focusracer.accounts.EmailChanges emailChanges;

	SettingsPages(AccountManagement accounts, MessageSource messages, SignIn signIn,
			com.focusracer.accounts.EmailChanges emailChanges) {
		this.emailChanges = emailChanges;
		this.accounts = accounts;
		this.messages = messages;
		this.signIn = signIn;
	}

	@GetMapping("/settings")
	ModelAndView settings(@AuthenticationPrincipal AccountPrincipal principal, HttpServletRequest request,
			Locale locale) {
		String notice = null;
		if (request.getParameterMap().containsKey("emailSent")) {
			notice = this.messages.getMessage("settings.email.sent", null, locale);
		}
		return page(principal, null, notice, HttpStatus.OK);
	}

	@PostMapping("/settings/password")
	ModelAndView changePassword(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		try {
			PasswordChanged changed = this.accounts.changePassword(principal.id(), currentPassword, newPassword);
			// Every other session ended; this one goes on under the new session version.
			this.signIn.signIn(this.accounts.find(principal.id()).orElseThrow(), request, response);
			String notice = (changed.revokedTokens() > 0)
					? this.messages.getMessage("settings.password.changedTokens",
							new Object[] { changed.revokedTokens() }, locale)
					: this.messages.getMessage("settings.password.changed", null, locale);
			return page(principal, null, notice, HttpStatus.OK);
		}
		catch (AccountException ex) {
			return page(principal, ex.describe(this.messages, locale), null, HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	@PostMapping("/settings/email")
	ModelAndView changeEmail(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newEmail,
			Locale locale) {
		try {
			this.emailChanges.requestEmailChange(principal.id(), currentPassword, newEmail);
			return new ModelAndView("redirect:/settings?emailSent");
		}
		catch (AccountException ex) {
			return page(principal, ex.describe(this.messages, locale), null, HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	/**
	 * The link sent to the new address. The account's sessions end: its owner logs in
	 * with the new address.
	 * @param token the link's secret
	 * @return the login page, or a page saying the link no longer works
	 */
	@GetMapping("/settings/email/confirm")
	ModelAndView confirmEmail(@RequestParam(defaultValue = "") String token) {
		return this.emailChanges.confirmEmailChange(token)
			.map((account) -> new ModelAndView("redirect:/login?emailChanged"))
			.orElseGet(() -> new ModelAndView("auth/message", Map.of("titleKey", "settings.email.invalid.title",
					"textKey", "settings.email.invalid.text", "id", "email-invalid")));
	}

	private ModelAndView page(AccountPrincipal principal, String error, String notice, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("account", this.accounts.find(principal.id()).orElseThrow());
		model.put("error", error);
		model.put("notice", notice);
		return new ModelAndView("settings/settings", model, status);
	}

}

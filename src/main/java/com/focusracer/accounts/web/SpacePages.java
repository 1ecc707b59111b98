package com.focusracer.accounts.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountException;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.accounts.IssuedToken;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The landing page of the runner account and of the pro space, and the pro space's API
 * tokens.
 */
@Controller
class SpacePages {

	private final AccountManagement accounts;

	private final MessageSource messages;

	private final org.springframework.beans.factory.ObjectProvider<com.focusracer.accounts.RunnerOrders> orders;

	SpacePages(AccountManagement accounts, MessageSource messages,
			org.springframework.beans.factory.ObjectProvider<com.focusracer.accounts.RunnerOrders> orders) {
		this.accounts = accounts;
		this.messages = messages;
		this.orders = orders;
	}

	@GetMapping("/account")
	ModelAndView runnerHome(@AuthenticationPrincipal AccountPrincipal principal, java.util.Locale locale) {
		var account = this.accounts.find(principal.id()).orElseThrow();
		com.focusracer.accounts.RunnerOrders runnerOrders = this.orders.getIfAvailable();
		List<com.focusracer.accounts.RunnerOrders.Line> latest = (runnerOrders != null)
				? runnerOrders.latest(account.id(), account.emailVerified() ? account.email() : null, 5, locale)
				: List.of();
		return new ModelAndView("account/home", Map.of("account", account, "orders", latest));
	}

	@GetMapping("/pro/tokens")
	ModelAndView tokens(@AuthenticationPrincipal AccountPrincipal principal) {
		return tokensPage(principal, null, null, HttpStatus.OK);
	}

	@PostMapping("/pro/tokens")
	ModelAndView createToken(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(defaultValue = "") String name, Locale locale) {
		try {
			IssuedToken token = this.accounts.createPersonalToken(principal.id(), name);
			return tokensPage(principal, token, null, HttpStatus.CREATED);
		}
		catch (AccountException ex) {
			return tokensPage(principal, null, ex.describe(this.messages, locale), HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	@PostMapping("/pro/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		if (!this.accounts.revokeToken(principal.id(), id)) {
			// Someone else's token, or none: the same answer, so ids reveal nothing.
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/pro/tokens";
	}

	private ModelAndView tokensPage(AccountPrincipal principal, IssuedToken created, String error, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("tokens", this.accounts.personalTokens(principal.id()));
		model.put("created", created);
		model.put("error", error);
		return new ModelAndView("pro/tokens", model, status);
	}

}

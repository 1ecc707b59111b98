package com.focusracer.events.web;

import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.AutoEditSettings;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The event page's automatic-edit switch, for the event's owner.
 */
@Controller
class AutoEditPages {

	private final AutoEditSettings settings;

	AutoEditPages(AutoEditSettings settings) {
		this.settings = settings;
	}

	@PostMapping("/pro/events/{id}/auto-edit")
	String set(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean on) {
		this.settings.set(id, principal.id(), on);
		return "redirect:/pro/events/" + id + "?saved";
	}

}

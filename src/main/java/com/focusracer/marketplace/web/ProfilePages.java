package com.focusracer.marketplace.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.marketplace.PhotographerProfile;
import com.focusracer.marketplace.PhotographerProfiles;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The photographer edits their public profile and chooses their portfolio among their own
 * published photos.
 */
@Controller
class ProfilePages {

	private final PhotographerProfiles profiles;

	private final MessageSource messages;

	ProfilePages(PhotographerProfiles profiles, MessageSource messages) {
		this.profiles = profiles;
		this.messages = messages;
	}

	@GetMapping("/pro/marketplace/profile")
	ModelAndView form(@AuthenticationPrincipal AccountPrincipal pro) {
		Map<String, Object> model = new HashMap<>();
		PhotographerProfile profile = this.profiles.of(pro.id()).orElse(null);
		model.put("profile", profile);
		model.put("displayName", pro.displayName());
		model.put("candidates", (profile != null) ? this.profiles.candidates(pro.id()) : List.of());
		model.put("chosen", this.profiles.portfolio(pro.id()).stream().map((photo) -> photo.photoId()).toList());
		return new ModelAndView("marketplace/profile-form", model);
	}

	@PostMapping("/pro/marketplace/profile")
	String save(@AuthenticationPrincipal AccountPrincipal pro, @RequestParam(required = false) String name,
			@RequestParam(required = false) String region, @RequestParam(required = false) String travelKm,
			@RequestParam(required = false) String sports, @RequestParam(required = false) String gear,
			@RequestParam(required = false) String languages, @RequestParam(required = false) String bio,
			@RequestParam(required = false) String seekingWork, Locale locale, RedirectAttributes redirect) {
		try {
			Integer km = (travelKm == null || travelKm.isBlank()) ? null : Integer.valueOf(travelKm.strip());
			this.profiles.save(pro.id(), new PhotographerProfile(pro.id(), null, name, region, km, sports, gear,
					languages, bio, "on".equals(seekingWork), null));
			redirect.addFlashAttribute("notice", this.messages.getMessage("marketplace.profile.saved", null, locale));
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("error",
					this.messages.getMessage("marketplace.form.number", new Object[] { travelKm }, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/pro/marketplace/profile";
	}

	@PostMapping("/pro/marketplace/portfolio")
	String portfolio(@AuthenticationPrincipal AccountPrincipal pro,
			@RequestParam(name = "photo", required = false) List<UUID> photos, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.profiles.setPortfolio(pro.id(), (photos != null) ? photos : List.of());
			redirect.addFlashAttribute("notice", this.messages.getMessage("marketplace.profile.saved", null, locale));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return "redirect:/pro/marketplace/profile";
	}

}

package com.focusracer.shared.web;

import java.util.Map;

import com.focusracer.shared.LegalProperties;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The legal and trust pages every visitor can open from the footer: legal notice, terms
 * of sale, privacy policy and contact.
 */
@Controller
class LegalPages {

	private final LegalProperties legal;

	LegalPages(LegalProperties legal) {
		this.legal = legal;
	}

	@GetMapping("/legal")
	ModelAndView notice() {
		return page("legal/notice");
	}

	@GetMapping("/terms")
	ModelAndView terms() {
		return page("legal/terms");
	}

	@GetMapping("/privacy")
	ModelAndView privacy() {
		return page("legal/privacy");
	}

	@GetMapping("/contact")
	ModelAndView contact() {
		return page("legal/contact");
	}

	private ModelAndView page(String template) {
		return new ModelAndView(template, Map.of("legal", this.legal));
	}

}

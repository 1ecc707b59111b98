package com.focusracer.events.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.ColumnMappings;
import com.focusracer.events.Connectors;
import com.focusracer.events.Event;
import com.focusracer.events.EventException;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsProperties;
import com.focusracer.events.StartListSource.Credentials;
import com.focusracer.events.StartLists;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The event owner's registration connector (Njuko, RaceResult, RunSignup) and the
 * column-mapping import of exported files. Every call to a platform is rate-limited per
 * account; every import goes through the start list's usual preview.
 */
@Controller
class ConnectorPages {

	private final EventManagement events;

	private final Connectors connectors;

	private final ColumnMappings mappings;

	private final RateLimits limits;

	private final MessageSource messages;

	private final EventsProperties properties;

	private final StartLists startLists;

	ConnectorPages(EventManagement events, Connectors connectors, ColumnMappings mappings, RateLimits limits,
			MessageSource messages, EventsProperties properties, StartLists startLists) {
		this.startLists = startLists;
		this.events = events;
		this.connectors = connectors;
		this.mappings = mappings;
		this.limits = limits;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/pro/events/{id}/connector")
	ModelAndView show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		Event event = this.events.owned(id, principal.id());
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("platforms", this.connectors.platforms());
		model.put("connector", this.connectors.status(id, principal.id()).orElse(null));
		return new ModelAndView("events/connector", model);
	}

	@PostMapping("/pro/events/{id}/connector")
	String save(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String platform, @RequestParam(defaultValue = "") String reference,
			@RequestParam(required = false) String subReference, @RequestParam(defaultValue = "") String key,
			@RequestParam(required = false) String secret, Locale locale, RedirectAttributes redirect) {
		try {
			this.connectors.save(id, principal.id(), platform, new Credentials(reference, subReference, key, secret));
			redirect.addFlashAttribute("notice", this.messages.getMessage("connector.saved", null, locale));
		}
		catch (EventException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return redirectTo(id);
	}

	@PostMapping("/pro/events/{id}/connector/delete")
	String delete(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		this.connectors.remove(id, principal.id());
		return redirectTo(id);
	}

	@PostMapping("/pro/events/{id}/connector/test")
	String test(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id, Locale locale,
			RedirectAttributes redirect) {
		this.events.owned(id, principal.id());
		this.limits.acquire(RateLimit.CONNECTOR, principal.id().toString());
		try {
			int count = this.connectors.test(id, principal.id());
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("connector.testOk", new Object[] { count }, locale));
		}
		catch (EventException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
		}
		return redirectTo(id);
	}

	@PostMapping("/pro/events/{id}/connector/import")
	String fetch(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id, Locale locale,
			RedirectAttributes redirect) {
		this.events.owned(id, principal.id());
		this.limits.acquire(RateLimit.CONNECTOR, principal.id().toString());
		try {
			UUID upload = this.connectors.fetch(id, principal.id());
			return "redirect:/pro/events/" + id + "/start-list/uploads/" + upload;
		}
		catch (EventException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, locale));
			return redirectTo(id);
		}
	}

	@PostMapping("/pro/events/{id}/connector/removals/confirm")
	String confirmRemovals(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id, Locale locale,
			RedirectAttributes redirect) {
		int removed = this.connectors.confirmRemovals(id, principal.id());
		redirect.addFlashAttribute("notice",
				this.messages.getMessage("connector.removalsConfirmed", new Object[] { removed }, locale));
		return "redirect:/pro/events/" + id;
	}

	@PostMapping("/pro/events/{id}/connector/removals/keep")
	String keepRunners(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		this.connectors.keepRunners(id, principal.id());
		return "redirect:/pro/events/" + id;
	}

	@PostMapping("/pro/events/{id}/start-list/mapped-uploads")
	String uploadMapped(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam("file") MultipartFile file, Locale locale, RedirectAttributes redirect) throws IOException {
		this.events.owned(id, principal.id());
		long max = this.properties.startListMaxSize().toBytes();
		if (file.getSize() > max) {
			redirect.addFlashAttribute("error",
					this.messages.getMessage("startList.tooLarge", new Object[] { max / (1024.0 * 1024) }, locale));
			return "redirect:/pro/events/" + id + "/start-list";
		}
		UUID upload = this.startLists.keepUpload(id, principal.id(),
				(file.getOriginalFilename() != null) ? file.getOriginalFilename() : "export.csv", file.getBytes());
		return "redirect:/pro/events/" + id + "/start-list/mapped-uploads/" + upload;
	}

	@GetMapping("/pro/events/{id}/start-list/mapped-uploads/{uploadId}")
	ModelAndView mappingForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable UUID uploadId, Locale locale) {
		Event event = this.events.owned(id, principal.id());
		try {
			return mappingPage(event, uploadId, this.mappings.form(id, principal.id(), uploadId), null, HttpStatus.OK);
		}
		catch (EventException ex) {
			return new ModelAndView("redirect:/pro/events/" + id + "/start-list");
		}
	}

	@PostMapping("/pro/events/{id}/start-list/mapped-uploads/{uploadId}")
	ModelAndView applyMapping(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable UUID uploadId, @RequestParam Map<String, String> parameters, Locale locale) {
		Event event = this.events.owned(id, principal.id());
		Map<String, String> mapping = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("map.")) {
				mapping.put(name.substring(4), value);
			}
		});
		try {
			UUID mapped = this.mappings.apply(id, principal.id(), uploadId, mapping);
			return new ModelAndView("redirect:/pro/events/" + id + "/start-list/uploads/" + mapped);
		}
		catch (EventException ex) {
			try {
				ColumnMappings.Form form = this.mappings.form(id, principal.id(), uploadId);
				return mappingPage(event, uploadId, new ColumnMappings.Form(form.columns(), mapping, form.saved()),
						ex.describe(this.messages, locale), HttpStatus.UNPROCESSABLE_ENTITY);
			}
			catch (EventException gone) {
				return new ModelAndView("redirect:/pro/events/" + id + "/start-list");
			}
		}
	}

	private ModelAndView mappingPage(Event event, UUID uploadId, ColumnMappings.Form form, String error,
			HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("uploadId", uploadId);
		model.put("form", form);
		model.put("error", error);
		return new ModelAndView("events/start-list-mapping", model, status);
	}

	private static String redirectTo(UUID id) {
		return "redirect:/pro/events/" + id + "/connector";
	}

}
